import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys, Modules, ProductWorkflowEvents } from "@medusajs/framework/utils"
import medusaPostgresProvider from "@medusajs/search-postgres"
import { SHOP_BROWSE_ORDER, SHOP_SEARCH_FILTER } from "@ocop/search"
import { Migration20261128080000 } from "@ocop/search/postgres"
import { seedSampleCatalog } from "../../fixtures/sample-catalog"
import { waitFor } from "../../fixtures/wait-for"

// Medusa's own PostgreSQL provider, through its public entry (the module provider it registers).
const [MedusaPostgresSearch] = (medusaPostgresProvider as unknown as { services: any[] }).services

jest.setTimeout(300_000)

const FACETS = [
  "stars",
  "province_code",
  "group_codes",
  "producer_type",
  "in_stock",
  "certification_status",
  { field: "price", type: "stats" },
  { field: "price", type: "range", ranges: [{ to: 100_000 }, { from: 100_000, to: 300_000 }, { from: 300_000 }] },
  { field: "province_code", type: "value", sort: "alpha", limit: 3 },
]

// Filter shapes the store route sends, and the rest of the filter language, each read through typed columns.
const FILTERS: Record<string, any>[] = [
  {},
  { $and: [{ status: "published" }, { stars: { $in: [4, 5] } }] },
  { province_code: "19", in_stock: true },
  { group_codes: "I" },
  { group_codes: { $overlaps: ["I", "II"] } },
  { group_codes: { $contains: ["I"] } },
  { price: { $gte: 100_000, $lte: 400_000 } },
  { $or: [{ stars: 5 }, { producer_type: "cooperative" }] },
  { $not: { certification_status: "active" } },
  { stars: { $ne: 3 } },
  { stars: { $nin: [3, 4] } },
  { stars: null },
  { stars: { $exists: true }, province_code: { $prefix: "1" } },
  { certification_status: { $eq: null } },
]

runMedusaSuite({
  testSuite: ({ getContainer }) => {
    let provider: any
    let index: any
    let medusa: any
    let medusaIndex: any
    let stock: (input: any) => Promise<any>
    let attributes_to_retrieve: string[]
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    beforeAll(async () => {
      await seedSampleCatalog(getContainer())
      const searchModule = getContainer().resolve(Modules.SEARCH) as any
      index = await searchModule.resolveActiveDefinition_("product")
      provider = searchModule.searchProviderService_.retrieve(index.provider)
      // Medusa's provider builds its own copy of the index from the same documents (its own table, written and
      // read by its own code): what ours must answer. It needs pg_trgm, which our provider does not. The test
      // database is dropped afterwards, its copy with it.
      await db().raw(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
      medusa = new MedusaPostgresSearch({ manager: provider.manager_, logger: console }, { language: "simple" })
      medusaIndex = { ...index, physical_name: `${index.physical_name}_medusa` }
      await medusa.upsertIndex({ index: medusaIndex })
      const { rows } = await db().raw(`SELECT "document" FROM "search_pg_${index.physical_name}"`)
      await medusa.upsertDocuments({ index: medusaIndex.physical_name, definition: index, documents: rows.map((r: any) => r.document) })
      stock = (input) => medusa.search({ ...input, index: medusaIndex })
      attributes_to_retrieve = Object.entries(index.fields as Record<string, any>)
        .filter(([, field]) => field.retrievable !== false)
        .map(([path]) => path)
    })

    const query = (q: string | undefined, filters: Record<string, any>, extra: Record<string, any> = {}) => ({
      index,
      attributes_to_retrieve,
      q,
      filters: Object.keys(filters).length ? filters : undefined,
      pagination: { skip: 0, take: 10, ...extra.pagination },
      search_options: { count: "exact", facets: FACETS, ...extra.search_options },
    })

    /** Same count, facets and page; where the stock order leaves ties (field sorts), the same sort values. */
    const expectSameAnswer = (ours: any, theirs: any, sortField?: string) => {
      expect(ours.metadata.count).toBe(theirs.metadata.count)
      expect(ours.facets).toEqual(theirs.facets)
      if (sortField) {
        expect(ours.hits.map((h: any) => h.document[sortField] ?? null)).toEqual(theirs.hits.map((h: any) => h.document[sortField] ?? null))
      } else {
        expect(ours.hits.map((h: any) => h.id)).toEqual(theirs.hits.map((h: any) => h.id))
        expect(ours.hits.map((h: any) => h.document)).toEqual(theirs.hits.map((h: any) => h.document))
      }
    }

    it("is the registered provider, and its facet table holds one row per indexed document", async () => {
      expect(index.provider).toBe("ocop-postgres")
      const table = `search_pg_${index.physical_name}`
      const [{ documents }] = (await db().raw(`SELECT count(*)::int AS documents FROM "${table}"`)).rows
      const [{ facets }] = (await db().raw(`SELECT count(*)::int AS facets FROM "${table}_facets"`)).rows
      expect(documents).toBeGreaterThan(100)
      expect(facets).toBe(documents)
    })

    it("stores every document exactly as Medusa's provider does (typed leaves, weighted text vector, text)", async () => {
      const { rows } = await db().raw(`
        SELECT count(*)::int AS pairs,
               count(*) FILTER (WHERE o."indexed" <> m."indexed" OR o."search_vector" <> m."search_vector"
                                   OR o."search_text" <> m."search_text" OR o."document" <> m."document")::int AS different
        FROM "search_pg_${index.physical_name}" o JOIN "search_pg_${index.physical_name}_medusa" m USING ("id")`)
      expect(rows[0].pairs).toBeGreaterThan(100)
      expect(rows[0].different).toBe(0)
      const [ours] = await provider.listIndexes().then((list: any[]) => list.filter((i) => i.name === index.physical_name))
      expect(ours.document_count).toBe(rows[0].pairs)
    })

    it("records its own migration, which applies again harmlessly on a migrated database (all if-not-exists)", async () => {
      const { rows } = await db().raw(`SELECT 1 FROM mikro_orm_migrations WHERE name = 'Migration20261128080000'`)
      expect(rows).toHaveLength(1)
      const migration = new Migration20261128080000({} as any, {} as any)
      await migration.up()
      for (const sql of migration.getQueries()) await db().raw(typeof sql === "string" ? sql : (sql as any).sql)
      expect((await provider.search(query("mat ong", {}))).metadata.count).toBeGreaterThan(0)
    })

    it("answers text, filters, facets and pages exactly as Medusa's PostgreSQL provider does", async () => {
      for (const q of [undefined, "mat ong", "mật ong", "che", "gao", "Thái Nguyên"]) {
        for (const filters of FILTERS) {
          const input = query(q, filters)
          expectSameAnswer(await provider.search(input), await stock(input))
        }
      }
    })

    it("sorts, pages and skips counts like Medusa's provider", async () => {
      for (const [field, direction] of [
        ["price", "ASC"],
        ["stars", "DESC"],
        ["created_at", "DESC"],
        ["title", "ASC"],
      ]) {
        const input = query(undefined, { stars: { $in: [3, 4, 5] } }, { pagination: { skip: 3, take: 7, order: { [field]: direction } } })
        expectSameAnswer(await provider.search(input), await stock(input), field)
      }
      const uncounted = query("mat ong", {}, { pagination: { skip: 2, take: 0 }, search_options: { count: "none", facets: ["stars"] } })
      const [ours, theirs] = [await provider.search(uncounted), await stock(uncounted)]
      expect(ours.metadata.count).toBeNull()
      expect(ours.hits).toEqual([])
      expect(ours.facets).toEqual(theirs.facets)
      const prefix = query("mat o", {}, { search_options: { match_strategy: "last" } })
      expectSameAnswer(await provider.search(prefix), await stock(prefix))
      const card = { ...query("che", {}), attributes_to_retrieve: ["id", "title", "province_code", "price"] }
      const answer = await provider.search(card)
      expectSameAnswer(answer, await stock(card))
      expect(Object.keys(answer.hits[0].document).sort()).toEqual(["id", "price", "province_code", "title"])
    })

    it("answers a disjunctive batch (the module's relaxed-filter facet queries) in one go, each as Medusa's would", async () => {
      const base = query("mat ong", { $and: [{ status: "published" }, { stars: { $in: [4] } }, { province_code: "19" }] })
      const relaxed = [
        {
          ...base,
          filters: { $and: [{ status: "published" }, { province_code: "19" }] },
          pagination: { skip: 0, take: 0 },
          search_options: { count: "none", facets: ["stars"] },
        },
        {
          ...base,
          filters: { $and: [{ status: "published" }, { stars: { $in: [4] } }] },
          pagination: { skip: 0, take: 0 },
          search_options: { count: "none", facets: ["province_code"] },
        },
      ]
      const batch = [base, ...relaxed]
      const answers = await provider.searchMany(batch)
      for (const [i, input] of batch.entries()) expectSameAnswer(answers[i], await stock(input))
    })

    it("reads at most max_scanned_matches rows for an estimated count, says so, and answers exactly below it", async () => {
      const total = (await provider.search(query(undefined, {}, { pagination: { take: 0 } }))).metadata.count
      // Below the default bound (1,000) an estimated count is the exact answer, marked exhaustive.
      for (const q of [undefined, "che"]) {
        const exact = await provider.search(query(q, {}))
        const estimated = await provider.search(query(q, {}, { search_options: { count: "estimated" } }))
        expectSameAnswer(estimated, exact)
        expect(estimated.provider_metadata).toEqual({ exhaustive: true, count_exhaustive: true })
      }
      // A bound of 3 rows: the answer says it is an estimate, and a page in a stored order is still the exact page.
      const bounded = new provider.constructor({ manager: provider.manager_, logger: console }, { language: "simple", max_scanned_matches: 3 })
      const byPrice = { pagination: { take: 3, order: { price: "ASC" } } }
      const estimated = await bounded.search(query(undefined, {}, { ...byPrice, search_options: { count: "estimated" } }))
      const exact = await provider.search(query(undefined, {}, byPrice))
      expect(total).toBeGreaterThan(3)
      expect(estimated.provider_metadata).toEqual({ exhaustive: false, count_exhaustive: false })
      expect(estimated.metadata.count).toBeGreaterThan(3)
      expect(estimated.hits.map((h: any) => h.id)).toEqual(exact.hits.map((h: any) => h.id))
      // A relevance page is the best of every match, not of the rows the bounded scan read first.
      const best = await provider.search(query("che", {}, { pagination: { take: 3 } }))
      const relevant = await bounded.search(query("che", {}, { pagination: { take: 3 }, search_options: { count: "estimated" } }))
      expect(best.metadata.count).toBeGreaterThan(3)
      expect(relevant.provider_metadata).toEqual({ exhaustive: false, count_exhaustive: true })
      expect(relevant.hits.map((h: any) => h.id)).toEqual(best.hits.map((h: any) => h.id))
      // Ranking read every match once, so its count is exact; facets counted the first rows and are scaled to it.
      expect(relevant.metadata.count).toBe(best.metadata.count)
      const starsOf = (answer: any) => new Map(answer.facets.stars.values.map((v: any) => [v.value, v.count]))
      const [exactStars, scaledStars] = [starsOf(best), starsOf(relevant)]
      expect(scaledStars.size).toBeGreaterThan(0)
      for (const [value, count] of scaledStars) {
        expect(exactStars.has(value)).toBe(true)
        expect(count).toBeGreaterThan(0)
        expect(count).toBeLessThanOrEqual(best.metadata.count)
      }
      // A batch mixing a relevance page and a stored-order page on one text takes the bounded scan: both pages are
      // still the pages over every match.
      const cheapest = await provider.search(query("che", {}, byPrice))
      const [mixedRelevant, mixedCheapest] = await bounded.searchMany([
        query("che", {}, { pagination: { take: 3 }, search_options: { count: "estimated" } }),
        query("che", {}, { ...byPrice, search_options: { count: "estimated" } }),
      ])
      expect(mixedRelevant.provider_metadata).toEqual({ exhaustive: false, count_exhaustive: false })
      expect(mixedRelevant.hits.map((h: any) => h.id)).toEqual(best.hits.map((h: any) => h.id))
      expect(mixedCheapest.hits.map((h: any) => h.id)).toEqual(cheapest.hits.map((h: any) => h.id))
      // An exact count is never bounded.
      const counted = await bounded.search(query(undefined, {}, { pagination: { take: 0 } }))
      expect(counted.metadata.count).toBe(total)
      expect(counted.provider_metadata).toEqual({ exhaustive: true, count_exhaustive: true })
    })

    it("reads a bounded browse of the store's rows newest first through its index, and estimates by the store's row count", async () => {
      const bounded = new provider.constructor({ manager: provider.manager_, logger: console }, { language: "simple", max_scanned_matches: 3 })
      const store = { $and: Object.entries(SHOP_SEARCH_FILTER).map(([field, value]) => ({ [field]: value })) }
      // A page within the bound (3 rows), as a bounded read needs.
      const newest = { pagination: { take: 3, order: SHOP_BROWSE_ORDER } }
      const exact = await provider.search(query(undefined, store, newest))
      expect(exact.metadata.count).toBeGreaterThan(3)
      const estimated = await bounded.search(query(undefined, store, { ...newest, search_options: { count: "estimated", facets: FACETS } }))
      // It says it is an estimate; the page is still the exact newest three.
      expect(estimated.provider_metadata).toEqual({ exhaustive: false, count_exhaustive: false })
      expect(estimated.hits.map((h: any) => h.id)).toEqual(exact.hits.map((h: any) => h.id))
      // Four rows kept of the four store rows walked: scaled to the store's row count, rounded to two digits.
      const rounded = (n: number) => Number(n.toPrecision(2))
      expect(estimated.metadata.count).toBe(Math.max(4, rounded(exact.metadata.count)))
      for (const value of estimated.facets.stars.values) {
        expect(exact.facets.stars.values.map((v: any) => v.value)).toContain(value.value)
        expect(value.count).toBeLessThanOrEqual(estimated.metadata.count)
      }
      // A filter of its own (stars 5, with the module's relaxed facet query beside it) keeps fewer of the rows walked,
      // so its count scales from them: at most the store's rows, and exact when the bound is not reached.
      const fiveStars = { $and: [...store.$and, { stars: 5 }] }
      const [exactFive] = await provider.searchMany([query(undefined, fiveStars, newest)])
      const [boundedFive] = await bounded.searchMany([
        query(undefined, fiveStars, { ...newest, search_options: { count: "estimated", facets: FACETS } }),
        { ...query(undefined, store, { pagination: { take: 0 } }), search_options: { count: "none", facets: ["stars"] } },
      ])
      expect(boundedFive.hits.map((h: any) => h.id)).toEqual(exactFive.hits.map((h: any) => h.id))
      expect(boundedFive.metadata.count).toBeLessThanOrEqual(rounded(exact.metadata.count))
      const roomy = new provider.constructor({ manager: provider.manager_, logger: console }, { language: "simple", max_scanned_matches: 100_000 })
      const whole = await roomy.search(query(undefined, store, { ...newest, search_options: { count: "estimated", facets: FACETS } }))
      expect(whole.provider_metadata).toEqual({ exhaustive: true, count_exhaustive: true })
      expect(whole.metadata.count).toBe(exact.metadata.count)
      expect(whole.facets).toEqual((await provider.search(query(undefined, store, newest))).facets)
      // The store's rows have an index in the newest-first order, which a page can read without sorting (on this
      // small catalogue the planner would rather sort, hence enable_sort off, only for this transaction).
      const table = `search_pg_${index.physical_name}_facets`
      const plan = await db().transaction(async (trx: any) => {
        await trx.raw(`SET LOCAL enable_sort = off`)
        const { rows } = await trx.raw(
          `EXPLAIN SELECT "id" FROM "${table}" WHERE "f_status" = 'published' AND "f_promoted" ORDER BY "f_created_at" DESC NULLS LAST, "id" ASC LIMIT 20`
        )
        return rows.map((r: any) => r["QUERY PLAN"]).join("\n")
      })
      expect(plan).toContain(`Scan using ${table}_browse_idx`)
      expect(plan).not.toContain("Sort")
    })

    it("keeps the facet table equal to the documents through upserts and deletes", async () => {
      const searchModule = getContainer().resolve(Modules.SEARCH) as any
      const [hit] = (await provider.search(query(undefined, { stars: 5 }))).hits
      await searchModule.upsertDocuments({ index: "product", documents: [{ ...hit.document, id: hit.id, status: "published", stars: 3 }] })
      const moved = await provider.search(query(undefined, { stars: 3, id: hit.id }))
      expect(moved.hits.map((h: any) => h.id)).toEqual([hit.id])
      await searchModule.deleteDocuments({ index: "product", filters: { id: [hit.id] } })
      expect((await provider.search(query(undefined, { id: hit.id }))).metadata.count).toBe(0)
      // Medusa's provider reads our own table after the writes the same way (the layouts are one).
      const moved_ = query(undefined, { stars: 3 })
      expectSameAnswer(await provider.search(moved_), await medusa.search(moved_))
    })

    it("writes one product's documents in the order of its events, even when the first write is slow to reach it", async () => {
      // The in-memory event bus of one process (the embedded start) delivers both events at once: the second must not
      // overtake the first between the consumer's answer and the provider's write (search/src/write-order.ts).
      const products = getContainer().resolve(Modules.PRODUCT)
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const table = `search_pg_${index.physical_name}`
      const [{ id }] = (await db().raw(`SELECT "id" FROM "${table}" ORDER BY "id" LIMIT 1`)).rows
      const titleInIndex = async () => (await db().raw(`SELECT "document"->>'title' AS "title" FROM "${table}" WHERE "id" = ?`, [id])).rows[0]?.title
      const upsert = provider.upsertDocuments
      const writes: Promise<unknown>[] = []
      let reachFirstWrite!: () => void
      const firstWriteReached = new Promise<void>((resolve) => (reachFirstWrite = resolve))
      // The first write of this product is a second late (the module's own step before it, a busy pool, a slow CPU).
      provider.upsertDocuments = function (input: { documents: { id: string }[] }) {
        if (!input.documents.some((document) => document.id === id)) return upsert.call(this, input)
        const late = writes.length === 0
        const write = (async () => {
          if (late) {
            reachFirstWrite()
            await new Promise((resolve) => setTimeout(resolve, 1_000))
          }
          return await upsert.call(this, input)
        })()
        writes.push(write)
        return write
      }
      try {
        await products.updateProducts(id, { title: "Trà thứ nhất" })
        void eventBus.emit({ name: ProductWorkflowEvents.UPDATED, data: { id } })
        await firstWriteReached
        await products.updateProducts(id, { title: "Trà thứ hai" })
        void eventBus.emit({ name: ProductWorkflowEvents.UPDATED, data: { id } })
        await waitFor(async () => writes.length >= 2, { timeoutMs: 30_000, what: "the second event's write" })
        await Promise.all(writes)
        expect(await titleInIndex()).toBe("Trà thứ hai")
      } finally {
        provider.upsertDocuments = upsert
      }
    })

    it("takes over an index Medusa's provider built, without rebuilding it, and answers as Medusa's provider does there", async () => {
      const table = `search_pg_${medusaIndex.physical_name}`
      const before = (await db().raw(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n
      await provider.upsertIndex({ index: medusaIndex })
      expect((await db().raw(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n).toBe(before)
      expect((await db().raw(`SELECT count(*)::int AS n FROM "${table}_facets"`)).rows[0].n).toBe(before)
      for (const filters of FILTERS.slice(0, 4)) {
        const input = { ...query("mat ong", filters), index: medusaIndex }
        expectSameAnswer(await provider.search(input), await medusa.search(input))
      }
    })
  },
})
