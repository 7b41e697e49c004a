import { describe, expect, it } from "vitest"
import { buildProductDocument, prefetchSeed, readOneAtATime, resolveProductIds } from "./product-index"

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

describe("readOneAtATime", () => {
  type Consume = Parameters<typeof readOneAtATime>[0]
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2))

  it("starts an event's read only when the one before has ended, and gives each caller its own answer", async () => {
    const log: string[] = []
    const consume = readOneAtATime((async (event: { name: string }) => {
      log.push(`${event.name} read starts`)
      await tick()
      log.push(`${event.name} read ends`)
      return [{ action: "upsert", documents: [{ id: event.name }] }]
    }) as unknown as Consume)
    // As an import's chunks reach one process: all at once.
    const answers = await Promise.all(["a", "b", "c"].map((name) => consume({ name, data: {} } as never, {} as never)))
    expect(log).toEqual(["a read starts", "a read ends", "b read starts", "b read ends", "c read starts", "c read ends"])
    expect(answers.map((mutations: any) => mutations[0].documents[0].id)).toEqual(["a", "b", "c"])
  })

  it("reports a failed read to its own caller and goes on with the next event", async () => {
    const consume = readOneAtATime((async (event: { name: string }) => {
      await tick()
      if (event.name === "bad") throw new Error("read failed")
      return []
    }) as unknown as Consume)
    const [bad, good] = await Promise.allSettled([consume({ name: "bad" } as never, {} as never), consume({ name: "good" } as never, {} as never)])
    expect(bad).toMatchObject({ status: "rejected", reason: new Error("read failed") })
    expect(good).toEqual({ status: "fulfilled", value: [] })
  })
})

describe("buildProductDocument: showcase listings (issue 14)", () => {
  const cert = { id: "c1", status: "active", valid_until: "2030-01-01", stars: 4, province_code: "19", product_group_code: "I.5" }
  const base = { id: "p1", title: "Chè", handle: "che", status: "published", certifications: [cert] }
  const priced = (extra: Record<string, unknown>) => ({ prices: [{ currency_code: "vnd", amount: 120000 }], ...extra })

  it("an imported product with no variant is listed, not buyable, with no price", () => {
    expect(buildProductDocument({ ...base, variants: [] }, "2026-01-01")).toMatchObject({ buyable: false, price: null, promoted: true, stars: 4 })
  })

  it("is buyable with a VND-priced variant that is in stock or not tracked, and only while published", () => {
    expect(buildProductDocument({ ...base, variants: [priced({ manage_inventory: false })] }, "2026-01-01").buyable).toBe(true)
    const stocked = priced({
      manage_inventory: true,
      inventory_items: [{ inventory: { location_levels: [{ stocked_quantity: 5, reserved_quantity: 2 }] } }],
    })
    expect(buildProductDocument({ ...base, variants: [stocked] }, "2026-01-01").buyable).toBe(true)
    const soldOut = priced({
      manage_inventory: true,
      inventory_items: [{ inventory: { location_levels: [{ stocked_quantity: 2, reserved_quantity: 2 }] } }],
    })
    // Every stocked unit reserved by placed orders: sold out, as the producer portal counts it.
    expect(buildProductDocument({ ...base, variants: [soldOut] }, "2026-01-01")).toMatchObject({ buyable: false, in_stock: false })
    const euros = { manage_inventory: false, prices: [{ currency_code: "eur", amount: 5 }] }
    expect(buildProductDocument({ ...base, variants: [euros] }, "2026-01-01").buyable).toBe(false)
    expect(buildProductDocument({ ...base, status: "draft", variants: [priced({ manage_inventory: false })] }, "2026-01-01").buyable).toBe(false)
  })

  it("expired and revoked certificates are not promoted; unknown validity is", () => {
    expect(buildProductDocument({ ...base, variants: [] }, "2031-01-01")).toMatchObject({ certification_status: "expired", promoted: false })
    const revoked = { ...base, variants: [], certifications: [{ ...cert, status: "revoked" }] }
    expect(buildProductDocument(revoked, "2026-01-01").promoted).toBe(false)
    const unknown = { ...base, variants: [], certifications: [{ ...cert, valid_until: null }] }
    expect(buildProductDocument(unknown, "2026-01-01")).toMatchObject({ certification_status: "unknown_validity", promoted: true })
  })
})

describe("resolveProductIds: product.created", () => {
  const context = (stored: { id: string; external_id: string | null }[]) => {
    const reads: unknown[] = []
    const graph = async ({ filters }: { filters: { id: string[] } }) => {
      reads.push(filters.id)
      return { data: stored.filter((p) => filters.id.includes(p.id)) }
    }
    return { reads, ctx: { container: { query: { graph } } } as unknown as Parameters<typeof resolveProductIds>[1] }
  }

  it("leaves a list import's products to ocop.catalog.imported without reading them when the event names their external_id", async () => {
    const { reads, ctx } = context([])
    const event = { name: "product.created", data: { id: "prod_1", external_id: "ocop:mat-ong" } }
    expect(await resolveProductIds(event, ctx)).toEqual([])
    expect(reads).toEqual([])
  })

  it("indexes a product an operator created, reading its external_id when the event carries only the id", async () => {
    const { reads, ctx } = context([
      { id: "prod_1", external_id: null },
      { id: "prod_2", external_id: "ocop:che-shan" },
    ])
    expect(await resolveProductIds({ name: "product.created", data: [{ id: "prod_1" }, { id: "prod_2" }] }, ctx)).toEqual(["prod_1"])
    expect(reads).toEqual([["prod_1", "prod_2"]])
  })
})
