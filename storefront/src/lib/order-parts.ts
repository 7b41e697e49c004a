import { recalledOrderLot } from "@ocop/contracts"
import { z } from "zod"

/** One producer's part of an order as GET /store/orders/:id/parts answers it. */
export const orderPart = z.object({
  id: z.string(),
  producer: z.object({ id: z.string(), name: z.string(), handle: z.string() }).nullable(),
  line_item_ids: z.array(z.string()),
  status: z.enum(["pending", "packed", "shipped", "delivered", "canceled"]),
  subtotal: z.number(),
  // The part's delivery fee (0 when free or when the order used a flat delivery option).
  shipping_fee: z.number().default(0),
  carrier: z.string().nullable(),
  tracking_number: z.string().nullable(),
  // Lots of this part that were recalled after shipping (issue 17): the page warns the buyer.
  recalled_lots: z.array(recalledOrderLot).default([]),
})
export type OrderPart = z.infer<typeof orderPart>
export const orderParts = z.object({ parts: z.array(orderPart) })

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
