import { describe, expect, it } from "vitest"
import { formatDate, formatVnd } from "./format"

describe("formatting for Vietnamese buyers", () => {
  it("writes prices in whole đồng with dot thousands", () => {
    expect(formatVnd(300000).replace(/\s/g, " ")).toBe("300.000 ₫")
    expect(formatVnd(1234567.6).replace(/\s/g, " ")).toBe("1.234.568 ₫")
    expect(formatVnd(null)).toBe("—")
  })

  it("writes calendar days day-first, without shifting them across time zones", () => {
    expect(formatDate("2027-06-30", "vi")).toBe("30/06/2027")
    expect(formatDate("2027-06-30T00:00:00.000Z", "en")).toBe("30 Jun 2027")
    expect(formatDate(null, "vi")).toBe("—")
  })
})
