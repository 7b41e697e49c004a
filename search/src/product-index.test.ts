import { describe, expect, it } from "vitest"
import { buildProductDocument, consumeInOrder, prefetchSeed, resolveProductIds } from "./product-index"
import { reportWritten } from "./write-order"

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

describe("consumeInOrder", () => {
  type Consume = Parameters<typeof consumeInOrder>[0]
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2))

  it("starts an event's read only when the one before has ended, and gives each caller its own answer", async () => {
    const log: string[] = []
    const consume = consumeInOrder((async (event: { name: string }) => {
      log.push(`${event.name} read starts`)
      await tick()
      log.push(`${event.name} read ends`)
      return [{ action: "upsert", documents: [{ id: event.name }] }]
    }) as unknown as Consume)
    // As an import's chunks reach one process: all at once.
    // Each answer written as soon as it comes (the module's write, reported by the provider).
    const answers = await Promise.all(
      ["a", "b", "c"].map((name) =>
        consume({ name, data: {} } as never, {} as never).then((mutations: any) => (reportWritten(mutations[0].documents), mutations))
      )
    )
    expect(log).toEqual(["a read starts", "a read ends", "b read starts", "b read ends", "c read starts", "c read ends"])
    expect(answers.map((mutations: any) => mutations[0].documents[0].id)).toEqual(["a", "b", "c"])
  })

  it("reports a failed read to its own caller and goes on with the next event", async () => {
    const consume = consumeInOrder((async (event: { name: string }) => {
      await tick()
      if (event.name === "bad") throw new Error("read failed")
      return []
    }) as unknown as Consume)
    const [bad, good] = await Promise.allSettled([consume({ name: "bad" } as never, {} as never), consume({ name: "good" } as never, {} as never)])
    expect(bad).toMatchObject({ status: "rejected", reason: new Error("read failed") })
    expect(good).toEqual({ status: "fulfilled", value: [] })
  })

  /** The Search Module's part, as it runs per event: consume, a step of its own, then the provider's write. */
  function ingestWith(consume: Consume, stepBeforeWrite: (name: string) => Promise<unknown>, written: string[]) {
    return async (name: string) => {
      const mutations = (await consume({ name, data: {} } as never, {} as never)) as any[]
      await stepBeforeWrite(name)
      for (const mutation of mutations) {
        written.push(`${name}: ${mutation.documents?.[0]?.title ?? "deleted"}`)
        reportWritten(mutation.action === "upsert" ? mutation.documents : mutation.filters)
      }
    }
  }

  it("hands an event's documents to the module only once the event before is written, however slow its write", async () => {
    // One product changed twice in a row: the second event reads the newer title.
    const consume = consumeInOrder((async (event: { name: string }) => {
      await tick()
      return [{ action: "upsert", documents: [{ id: "p1", title: `title of ${event.name}` }] }]
    }) as unknown as Consume)
    const written: string[] = []
    // The first event's write is slow to start (the module's own step, a busy pool): the second must not overtake it.
    const ingest = ingestWith(consume, (name) => new Promise((resolve) => setTimeout(resolve, name === "first" ? 50 : 0)), written)
    await Promise.all([ingest("first"), ingest("second")])
    expect(written).toEqual(["first: title of first", "second: title of second"])
  })

  it("orders a delete after the upsert before it", async () => {
    const consume = consumeInOrder((async (event: { name: string }) =>
      event.name === "deleted"
        ? [{ action: "delete", filters: { id: "p1" } }]
        : [{ action: "upsert", documents: [{ id: "p1", title: "Chè" }] }]) as unknown as Consume)
    const written: string[] = []
    const ingest = ingestWith(consume, (name) => new Promise((resolve) => setTimeout(resolve, name === "updated" ? 50 : 0)), written)
    await Promise.all([ingest("updated"), ingest("deleted")])
    expect(written).toEqual(["updated: Chè", "deleted: deleted"])
  })

  it("holds the next event back only until the backstop when a write never reaches a provider", async () => {
    const consume = consumeInOrder(
      (async (event: { name: string }) => [{ action: "upsert", documents: [{ id: event.name }] }]) as unknown as Consume,
      30
    )
    // The module fails before writing the first event's documents (no active version): nothing reports them.
    await consume({ name: "lost", data: {} } as never, {} as never)
    const answered = await Promise.race([
      consume({ name: "next", data: {} } as never, {} as never).then((mutations: any) => mutations[0].documents[0].id),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 2 s"), 2_000)),
    ])
    expect(answered).toBe("next")
  })

  it("does not wait for answers with nothing to write", async () => {
    const consume = consumeInOrder(
      (async (event: { name: string }) => (event.name === "empty" ? [{ action: "upsert", documents: [] }] : [])) as unknown as Consume,
      60_000
    )
    await consume({ name: "empty", data: {} } as never, {} as never)
    await consume({ name: "nothing", data: {} } as never, {} as never)
    const answered = await Promise.race([
      consume({ name: "after", data: {} } as never, {} as never).then(() => "answered"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 2 s"), 2_000)),
    ])
    expect(answered).toBe("answered")
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
