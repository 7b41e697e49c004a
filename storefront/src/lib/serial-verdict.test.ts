import { describe, expect, it } from "vitest"
import { readSerialVerdict, SERIAL_VERDICT_SECONDS, signSerialVerdict } from "./serial-verdict"

const secret = "a".repeat(64)
const first = { status: "first" as const, first_checked_at: "2026-11-29T01:02:03.000Z" }

describe("the serial verdict the province form carries back to the serial page", () => {
  it("reads back for the same lot and serial", () => {
    const token = signSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", first)
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", token)).toEqual(first)
  })

  it("carries a voided serial's date and reason back, so the warning is shown again in full", () => {
    const voided = { status: "voided" as const, first_checked_at: null, voided: { at: "2026-11-29T01:02:03.000Z", reason: "Tem in lỗi, đã huỷ" } }
    const token = signSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", voided)
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", token)).toEqual(voided)
  })

  it("is refused for another serial or lot, another secret, an edited verdict, or after its time", () => {
    const now = Date.now()
    const token = signSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", { status: "repeat", first_checked_at: first.first_checked_at }, now)
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNQ", token)).toBeNull()
    expect(readSerialVerdict(secret, "ABCDEFGH24", "ABCDEFGHJKMNP", token)).toBeNull()
    expect(readSerialVerdict("b".repeat(64), "ABCDEFGH23", "ABCDEFGHJKMNP", token)).toBeNull()
    const forged = Buffer.from(JSON.stringify({ s: "first", t: null, e: now / 1000 + 60 })).toString("base64url")
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", `${forged}.${token.split(".")[1]}`)).toBeNull()
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", token, now + (SERIAL_VERDICT_SECONDS + 1) * 1000)).toBeNull()
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", undefined)).toBeNull()
    expect(readSerialVerdict(secret, "ABCDEFGH23", "ABCDEFGHJKMNP", "garbage")).toBeNull()
  })
})
