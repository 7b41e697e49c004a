import { describe, expect, it } from "vitest"
import { computePartRefundAmount, isRefundSentByProvider } from "./refunds"

describe("part refunds", () => {
  it("gives back the part's lines and its own delivery fee", () => {
    expect(computePartRefundAmount({ subtotal: 250_000, shipping_fee: 30_000 })).toBe(280_000)
    expect(computePartRefundAmount({ subtotal: 250_000, shipping_fee: 0 })).toBe(250_000)
  })

  it("only Stripe sends the money back by itself", () => {
    expect(isRefundSentByProvider("pp_stripe_stripe")).toBe(true)
    expect(isRefundSentByProvider("pp_vietqr_vietqr")).toBe(false)
    expect(isRefundSentByProvider("pp_vnpay_vnpay")).toBe(false)
    expect(isRefundSentByProvider("pp_system_default")).toBe(false)
    expect(isRefundSentByProvider(null)).toBe(false)
  })
})
