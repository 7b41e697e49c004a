import { describe, expect, it } from "vitest"
import { certifiedStars, computeValidUntil, isStarTier, STAR_TIER_MESSAGE, STAR_TIERS } from "./index"

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

describe("effectiveCertificationStatus", () => {
  it("treats an active certificate past its date as expired, on Vietnam's calendar", async () => {
    const { effectiveCertificationStatus, todayInVietnam } = await import("./index")
    expect(effectiveCertificationStatus({ status: "active", valid_until: "2024-04-06T00:00:00Z" }, "2024-04-07")).toBe("expired")
    expect(effectiveCertificationStatus({ status: "active", valid_until: "2024-04-06T00:00:00Z" }, "2024-04-06")).toBe("active")
    // No decision date, no valid-until: certified, but nothing says it is still valid.
    expect(effectiveCertificationStatus({ status: "active", valid_until: null }, "2030-01-01")).toBe("unknown_validity")
    expect(effectiveCertificationStatus({ status: "revoked", valid_until: null })).toBe("revoked")
    // 18:00 UTC on 31 Dec is already 1 Jan in Hà Nội.
    expect(todayInVietnam(new Date("2025-12-31T18:00:00Z"))).toBe("2026-01-01")
  })
  it("starts a Vietnamese calendar day at 17:00 UTC the day before", async () => {
    const { startOfDayInVietnam, todayInVietnam } = await import("./index")
    expect(startOfDayInVietnam("2026-01-01").toISOString()).toBe("2025-12-31T17:00:00.000Z")
    // Something done at 00:30 in Hà Nội falls on or after the start of that day, whatever the UTC date says.
    const halfPastMidnight = new Date("2025-12-31T17:30:00Z")
    expect(halfPastMidnight.getTime()).toBeGreaterThanOrEqual(startOfDayInVietnam(todayInVietnam(halfPastMidnight)).getTime())
  })
})

describe("star tiers", () => {
  it("certifies 3, 4 and 5 stars only, and says so in the message every edge returns", () => {
    expect([1, 2, 3, 4, 5, 6, 4.5, "4", null].filter(isStarTier)).toEqual([3, 4, 5])
    expect(STAR_TIER_MESSAGE).toContain(`${STAR_TIERS.slice(0, -1).join(", ")} hoặc ${STAR_TIERS.at(-1)}`)
  })
  it("certifies a potential 5-star product listed without a tier as 4 stars", () => {
    expect(certifiedStars({ stars: null, potential_five_star: true })).toBe(4)
    expect(certifiedStars({ stars: 5, potential_five_star: false })).toBe(5)
    expect(() => certifiedStars({ stars: null, potential_five_star: false })).toThrow(/potential 5-star/)
  })
})
