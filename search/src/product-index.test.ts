import { describe, expect, it } from "vitest"
import { prefetchSeed } from "./product-index"

type Seed = Parameters<typeof prefetchSeed>[0]

/** A seed that records when each batch is read. */
function recordingSeed(batches: number, failAt?: number) {
  const reads: number[] = []
  const seed = async function* () {
    for (let i = 0; i < batches; i++) {
      reads.push(i)
      if (i === failAt) throw new Error(`read of batch ${i} failed`)
      yield [{ action: "upsert", documents: [{ id: String(i) }] }]
    }
  } as unknown as Seed
  return { seed, reads }
}

describe("prefetchSeed", () => {
  it("yields every batch in order and reads the next one while the current one is being written", async () => {
    const { seed, reads } = recordingSeed(3)
    const seen: string[] = []
    for await (const batch of prefetchSeed(seed)({} as any)) {
      // While this batch is "written", the next read has already started.
      await new Promise((resolve) => setTimeout(resolve, 1))
      seen.push(`${(batch as any)[0].documents[0].id} written, ${reads.length} read`)
    }
    expect(seen).toEqual(["0 written, 2 read", "1 written, 3 read", "2 written, 3 read"])
  })

  it("reports a failed read when the module asks for that batch, not while it writes the one before", async () => {
    const { seed } = recordingSeed(3, 1)
    const written: string[] = []
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on("unhandledRejection", onUnhandled)
    try {
      await expect(
        (async () => {
          for await (const batch of prefetchSeed(seed)({} as any)) {
            await new Promise((resolve) => setTimeout(resolve, 5))
            written.push((batch as any)[0].documents[0].id)
          }
        })()
      ).rejects.toThrow("read of batch 1 failed")
    } finally {
      process.off("unhandledRejection", onUnhandled)
    }
    expect(written).toEqual(["0"])
    expect(unhandled).toEqual([])
  })
})
