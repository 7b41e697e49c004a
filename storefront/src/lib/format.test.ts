import { describe, expect, it } from "vitest"
import { formatDate, formatVietnamTime, formatVnd, vietnamDay } from "./format"

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

describe("a featured list's instants as Vietnamese days", () => {
  it("reads midnight in Việt Nam (17:00 UTC the day before) as that Vietnamese day", () => {
    expect(vietnamDay("2026-11-27T17:00:00.000Z")).toBe("2026-11-28")
    expect(vietnamDay("2026-11-27T16:59:59.000Z")).toBe("2026-11-27")
    // A serial first checked at 21:05 UTC was checked at 04:05 the next morning in Việt Nam.
    expect(formatVietnamTime("2026-11-27T21:05:00.000Z")).toBe("04:05")
    expect(formatVietnamTime("2026-11-28T04:05:00.000Z")).toBe("11:05")
  })
})
