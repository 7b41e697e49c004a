import { describe, expect, it } from "vitest"
import { cartShippingFees } from "@ocop/contracts"
import { toShippingFeeRows } from "./shipping-fees"

describe("delivery fee per producer in the cart", () => {
  const body = {
    shipping_fees: {
      parts: [
        { producer_id: "a", producer_name: "HTX Chè Tân Cương", subtotal: 300000, fee: 0, free_from: 300000 },
        { producer_id: "b", producer_name: "Cơ sở Mắm Cái", subtotal: 120000, fee: 25000, free_from: 200000 },
        { producer_id: "c", producer_name: null, subtotal: 50000, fee: 30000, free_from: null },
      ],
      total: 55000,
    },
  }

  it("shows each producer's fee, free at the threshold, and what is missing to ship free", () => {
    const rows = toShippingFeeRows(cartShippingFees.parse(body).shipping_fees)
    expect(rows).toEqual([
      { producer_id: "a", name: "HTX Chè Tân Cương", fee: 0, free: true, moreForFree: null },
      { producer_id: "b", name: "Cơ sở Mắm Cái", fee: 25000, free: false, moreForFree: 80000 },
      { producer_id: "c", name: null, fee: 30000, free: false, moreForFree: null },
    ])
  })

  it("refuses an answer without the fee of a part", () => {
    const broken = { shipping_fees: { parts: [{ producer_id: "a", producer_name: null, subtotal: 1, free_from: null }], total: 0 } }
    expect(cartShippingFees.safeParse(broken).success).toBe(false)
  })
})
