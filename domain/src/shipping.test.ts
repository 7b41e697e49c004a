import { describe, expect, it } from "vitest"
import { computePartShippingFee, computeShippingFees, resolveShippingTerms } from "./shipping"

const terms = { fee: 30000, free_from: 500000 }

describe("computePartShippingFee", () => {
  it("charges the flat fee one đồng below the threshold", () => {
    expect(computePartShippingFee(499999, terms)).toBe(30000)
  })
  it("is free exactly at the threshold and above it", () => {
    expect(computePartShippingFee(500000, terms)).toBe(0)
    expect(computePartShippingFee(500001, terms)).toBe(0)
  })
  it("never waives the fee when the producer has no threshold", () => {
    expect(computePartShippingFee(10_000_000, { fee: 25000, free_from: null })).toBe(25000)
  })
  it("charges nothing for an empty part", () => {
    expect(computePartShippingFee(0, terms)).toBe(0)
  })
  it("a threshold of 0 makes every part free", () => {
    expect(computePartShippingFee(1, { fee: 30000, free_from: 0 })).toBe(0)
  })
})

describe("resolveShippingTerms", () => {
  it("uses the producer's own values, the operator's where the producer set none", () => {
    expect(resolveShippingTerms({ shipping_fee: 20000, free_shipping_from: null }, terms)).toEqual({ fee: 20000, free_from: 500000 })
    expect(resolveShippingTerms({ shipping_fee: null, free_shipping_from: 300000 }, terms)).toEqual({ fee: 30000, free_from: 300000 })
    expect(resolveShippingTerms(null, terms)).toEqual(terms)
  })
  it("keeps a producer's fee of 0 (free delivery) instead of the default", () => {
    expect(resolveShippingTerms({ shipping_fee: 0 }, terms).fee).toBe(0)
  })
})

describe("computeShippingFees", () => {
  it("groups lines per producer: one over its threshold ships free, the other pays its fee", () => {
    const own = { a: { fee: 30000, free_from: 200000 }, b: { fee: 25000, free_from: 1_000_000 } }
    const result = computeShippingFees(
      [
        { producer_id: "a", subtotal: 150000 },
        { producer_id: "b", subtotal: 90000 },
        { producer_id: "a", subtotal: 60000 },
        { producer_id: null, subtotal: 5000 },
      ],
      (id) => own[id as "a" | "b"]
    )
    expect(result.parts).toEqual([
      { producer_id: "a", subtotal: 210000, fee: 0, free_from: 200000 },
      { producer_id: "b", subtotal: 90000, fee: 25000, free_from: 1_000_000 },
    ])
    expect(result.total).toBe(25000)
  })
})
