import { describe, expect, it } from "vitest"
import { describeListing, sectorDesign } from "./showcase"

describe("describeListing", () => {
  it("an imported listing with no price is a showcase: no price, no cart, the claim link", () => {
    expect(describeListing({ buyable: false, price: null, certificationStatus: "unknown_validity", hasProducer: true })).toEqual({
      kind: "showcase",
      showPrice: false,
      canAddToCart: false,
      showClaim: true,
      lapsed: false,
    })
  })

  it("a priced, buyable listing shows its price and can go into the cart", () => {
    expect(describeListing({ buyable: true, price: { amount: 120000 }, certificationStatus: "active", hasProducer: true })).toMatchObject({
      kind: "buyable",
      showPrice: true,
      canAddToCart: true,
      showClaim: false,
    })
  })

  it("a priced listing out of stock everywhere (index says not buyable) is a showcase too", () => {
    expect(describeListing({ buyable: false, price: { amount: 90000 }, certificationStatus: "active", hasProducer: true }).kind).toBe("showcase")
  })

  it("falls back to the price when the index says nothing about buyability", () => {
    expect(describeListing({ buyable: undefined, price: { amount: 1000 }, certificationStatus: "active", hasProducer: false }).kind).toBe("buyable")
    expect(describeListing({ buyable: undefined, price: null, certificationStatus: "active", hasProducer: false })).toMatchObject({
      kind: "showcase",
      showClaim: false,
    })
  })

  it("marks expired and revoked certificates as lapsed, never active or unknown validity", () => {
    for (const status of ["expired", "revoked", "superseded"]) {
      expect(describeListing({ buyable: false, price: null, certificationStatus: status, hasProducer: true }).lapsed).toBe(true)
    }
    for (const status of ["active", "unknown_validity", null]) {
      expect(describeListing({ buyable: false, price: null, certificationStatus: status, hasProducer: true }).lapsed).toBe(false)
    }
  })
})

describe("sectorDesign", () => {
  it("draws each QĐ 148 sector its own placeholder, from any level of group code", () => {
    expect(sectorDesign("I.5.b")).toEqual({ sector: "I", design: "food" })
    expect(sectorDesign("II")).toEqual({ sector: "II", design: "drink" })
    expect(sectorDesign("III.1")).toEqual({ sector: "III", design: "herbal" })
    expect(sectorDesign("IV.2")).toEqual({ sector: "IV", design: "craft" })
    expect(sectorDesign("V.1")).toEqual({ sector: "V", design: "ornamental" })
    expect(sectorDesign("VI")).toEqual({ sector: "VI", design: "tourism" })
    const designs = ["I", "II", "III", "IV", "V", "VI"].map((s) => sectorDesign(s).design)
    expect(new Set(designs).size).toBe(6)
  })

  it("a missing or unknown code gets the neutral design, not an error", () => {
    expect(sectorDesign(null)).toEqual({ sector: null, design: "other" })
    expect(sectorDesign("XX.1")).toEqual({ sector: null, design: "other" })
  })
})
