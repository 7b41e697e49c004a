import { describe, expect, it } from "vitest"
import type { OrderPart } from "@ocop/contracts"
import { groupItemsByPart } from "./order-parts"

const part = (id: string, lines: string[], status: OrderPart["status"] = "pending"): OrderPart => ({
  id,
  producer: { id: `prod_${id}`, name: `HTX ${id}`, handle: id },
  line_item_ids: lines,
  status,
  subtotal: 0,
  shipping_fee: 0,
  carrier: null,
  tracking_number: null,
  recalled_lots: [],
  shipped_at: null,
  delivered_at: null,
  canceled_at: null,
})

describe("the buyer's order page, one block per producer", () => {
  it("puts each line under its producer and keeps lines of no producer apart", () => {
    const items = [{ id: "li_1" }, { id: "li_2" }, { id: "li_3" }, { id: "li_custom" }]
    const { blocks, rest } = groupItemsByPart(items, [part("a", ["li_2"]), part("b", ["li_1", "li_3"], "shipped")])
    expect(blocks.map((b) => [b.part.id, b.items.map((i) => i.id)])).toEqual([
      ["a", ["li_2"]],
      ["b", ["li_1", "li_3"]],
    ])
    expect(rest.map((i) => i.id)).toEqual(["li_custom"])
  })

  it("shows a line once even if two parts name it, and all lines when the order has no parts yet", () => {
    const items = [{ id: "li_1" }]
    expect(groupItemsByPart(items, [part("a", ["li_1"]), part("b", ["li_1"])]).blocks.map((b) => b.items.length)).toEqual([1, 0])
    expect(groupItemsByPart(items, []).rest).toEqual(items)
  })
})
