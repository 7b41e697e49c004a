import crypto from "node:crypto"
import { generateEntityId } from "@medusajs/framework/utils"
import { bufferIdRandomness } from "../buffer-id-randomness"

describe("bufferIdRandomness", () => {
  afterEach(() => jest.restoreAllMocks())

  it("gives Medusa's ids their randomness from the CSPRNG 4 KB at a time, not one byte per character", () => {
    bufferIdRandomness()
    bufferIdRandomness() // a second call changes nothing
    const perByte = jest.spyOn(crypto, "randomBytes")
    const refills = jest.spyOn(crypto, "randomFillSync")
    const ids = Array.from({ length: 10_000 }, () => generateEntityId(undefined, "prod"))
    expect(perByte).not.toHaveBeenCalled()
    // 16 random characters an id, 4,096 bytes a refill: 40 refills, not 160,000 calls.
    expect(refills.mock.calls.length).toBeGreaterThanOrEqual(39)
    expect(refills.mock.calls.length).toBeLessThanOrEqual(40)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it("keeps the ids in time order and every random character in use", () => {
    bufferIdRandomness()
    const time = (id: string) => id.slice("cert_".length, "cert_".length + 10)
    const early = generateEntityId(undefined, "cert")
    const random = Array.from({ length: 2_000 }, () => generateEntityId(undefined, "").slice(10)).join("")
    expect(new Set(random).size).toBe(32)
    expect(time(generateEntityId(undefined, "cert")) >= time(early)).toBe(true)
  })
})
