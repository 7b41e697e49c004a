import { describe, expect, it } from "vitest"
import { estimateTotal, scaleEstimate } from "./batch-statement"

describe("estimateTotal", () => {
  it("scales what the first blocks held to the whole table, rounded to two significant digits", () => {
    // 1,001 rows in the first 10 of 120 pages: about 12,000.
    expect(estimateTotal(1001, 10, 120)).toBe(12000)
    expect(estimateTotal(1001, 7, 120)).toBe(17000)
    expect(estimateTotal(37, 3, 12)).toBe(150)
  })

  it("never answers less than was seen, nor anything for nothing", () => {
    expect(estimateTotal(1234, 40, 40)).toBe(1234)
    expect(estimateTotal(0, 5, 100)).toBe(0)
  })
})

describe("scaleEstimate", () => {
  it("scales a facet count by the exact count over the rows counted, to two significant digits", () => {
    // 37 of the first 1,001 rows, of 5,510 matches: about 200.
    expect(scaleEstimate(37, 5510 / 1001)).toBe(200)
    expect(scaleEstimate(512, 1102 / 1001)).toBe(560)
  })

  it("never answers less than was counted, nor anything for nothing", () => {
    expect(scaleEstimate(3, 1)).toBe(3)
    expect(scaleEstimate(0, 4)).toBe(0)
    expect(scaleEstimate(5, 0)).toBe(5)
  })
})
