import type { OrderPart } from "@ocop/contracts"

/**
 * The order page's blocks: one per producer with its own lines, in the parts' order, then the lines that belong to
 * no producer (none in a normal order; an operator's custom line). A line is shown once, in the first part naming it.
 */
export function groupItemsByPart<Item extends { id: string }>(items: Item[], parts: OrderPart[]) {
  const seen = new Set<string>()
  const blocks = parts.map((part) => {
    const own = items.filter((item) => part.line_item_ids.includes(item.id) && !seen.has(item.id))
    own.forEach((item) => seen.add(item.id))
    return { part, items: own }
  })
  return { blocks, rest: items.filter((item) => !seen.has(item.id)) }
}
