// The secrets config.ts requires, before anything reads the config; no REDIS_URL, so this process counts in memory.
Object.assign(process.env, {
  JWT_SECRET: "a".repeat(32),
  COOKIE_SECRET: "b".repeat(32),
  OCOP_REVALIDATE_SECRET: "c".repeat(32),
  OCOP_FORWARDING_SECRET: "d".repeat(32),
})
delete process.env.REDIS_URL

import { admitLotScan } from "../limit-lot-scans"

describe("admitLotScan", () => {
  it("counts an address's first scan of a lot, answers its repeats without counting, and refuses the 31st scan in a minute", async () => {
    expect(await admitLotScan("203.113.152.10", "lot_A")).toBe("count")
    expect(await admitLotScan("203.113.152.10", "lot_A")).toBe("repeat")
    // Another address scanning the same lot counts.
    expect(await admitLotScan("14.161.2.3", "lot_A")).toBe("count")
    const answers: string[] = []
    for (let i = 0; i < 28; i++) answers.push(await admitLotScan("203.113.152.10", `lot_${i}`))
    expect(answers).toEqual(Array(28).fill("count"))
    expect(await admitLotScan("203.113.152.10", "lot_Z")).toBe("too_many")
  })
})
