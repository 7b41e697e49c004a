import { RateLimiterRes } from "rate-limiter-flexible"
import { consumePoint, createLimiterFactory } from "../rate-limiters"

describe("rate limiters", () => {
  it("admit a key's budget, then refuse with the wait left, keeping keys apart", async () => {
    const create = createLimiterFactory(undefined)
    const limiter = create("test-budget", 2, 60)
    expect(await consumePoint(limiter, "203.113.152.10")).toBeUndefined()
    expect(await consumePoint(limiter, "203.113.152.10")).toBeUndefined()
    const refusal = await consumePoint(limiter, "203.113.152.10")
    expect(refusal).toBeInstanceOf(RateLimiterRes)
    expect(refusal!.consumedPoints).toBe(3)
    expect(refusal!.msBeforeNext).toBeGreaterThan(55_000)
    expect(refusal!.msBeforeNext).toBeLessThanOrEqual(60_000)
    // Another address has its own budget.
    expect(await consumePoint(limiter, "14.161.2.3")).toBeUndefined()
  })

  it("rethrow a failure that is not a refusal", async () => {
    const broken = { consume: () => Promise.reject(new Error("store down")) } as any
    await expect(consumePoint(broken, "k")).rejects.toThrow("store down")
  })
})
