import { describe, expect, it } from "vitest"
import { computeValidUntil } from "./index"

describe("computeValidUntil", () => {
  it("adds 36 months to the decision date", () => {
    expect(computeValidUntil("2023-03-29")).toBe("2026-03-29")
    expect(computeValidUntil("2019-12-23")).toBe("2022-12-23")
  })
  it("clamps to the last day of the month", () => {
    expect(computeValidUntil("2024-02-29")).toBe("2027-02-28")
  })
  it("rejects a malformed date with the field name", () => {
    expect(() => computeValidUntil("29/3/2023")).toThrow(/decision_date/)
  })
})
