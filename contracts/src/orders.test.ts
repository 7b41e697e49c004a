import { describe, expect, it } from "vitest"
import { vnpayReturn } from "./index"

describe("the VNPay return check", () => {
  it("names an order only when VNPay signed the query", () => {
    expect(vnpayReturn.parse({ verified: true, order_id: "order_01" })).toEqual({ verified: true, order_id: "order_01" })
    expect(vnpayReturn.parse({ verified: false, order_id: null })).toEqual({ verified: false, order_id: null })
    expect(vnpayReturn.safeParse({ verified: false, order_id: "order_01" }).success).toBe(false)
  })

  it("lets a signed query name no order (the payment session is not an order's yet)", () => {
    expect(vnpayReturn.parse({ verified: true, order_id: null }).order_id).toBeNull()
  })
})
