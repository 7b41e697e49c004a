/**
 * End-to-end conformance of the Meilisearch provider with the Search Module's provider contract, run
 * against a real server: `MEILISEARCH_HOST=http://localhost:7700 [MEILISEARCH_API_KEY=…] npx vitest run
 * src/meilisearch/provider-conformance.test.ts`.
 *
 * It drives the provider the way the module does (create the index, write, wait for the task, search,
 * delete, clear, drop) on a small Vietnamese OCOP catalogue, and checks the answers Postgres would give.
 * Everything lives under a per-run index prefix and is dropped at the end.
 */
import { MedusaError, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MeilisearchSearchProvider } from "./meilisearch-provider"

const HOST = process.env.MEILISEARCH_HOST
const API_KEY = process.env.MEILISEARCH_API_KEY || undefined

/** Whether a Meilisearch server answers `GET /health` at `host` within 2 s. */
async function probeMeilisearch(host: string | undefined): Promise<boolean> {
  if (!host) {
    return false
  }
  try {
    const response = await fetch(new URL("/health", host), { signal: AbortSignal.timeout(2_000) })
    return response.ok
  } catch {
    return false
  }
}

const fields = search
  .define({
    id: search.keyword().filterable(),
    title: search.text().searchable({ weight: 3 }).sortable(),
    description: search.text().searchable(),
    handle: search.keyword().filterable(),
    status: search.keyword().filterable().retrievable(false),
    category_ids: search.keyword().array().filterable().facetable(),
    stars: search
      .integer()
      .filterable()
      .sortable()
      .facetable({ types: ["value", "range", "stats"] }),
    price: search
      .float()
      .filterable()
      .sortable()
      .facetable({ types: ["range", "stats"] }),
    province_code: search.keyword().filterable().facetable(),
    in_stock: search.boolean().filterable().facetable(),
    certified_at: search.date().filterable().sortable(),
    producer: search.object({
      id: search.keyword().filterable(),
      name: search.text().searchable({ weight: 2 }),
    }),
  })
  .toFields()

const definition: SearchTypes.ResolvedSearchIndexDefinition = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "meilisearch",
  fields,
  settings: {
    // One typo from 4 letters, two from 8: "mams" (4 letters) may then stand for "mắm".
    typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8 },
    provider_options: { meilisearch: { synonyms: { honey: ["mật ong"] } } },
  },
  seed: async function* () {},
  definition_hash: "conformance",
  physical_name: "product",
}
/** The module writes to a version of the index, e.g. `product_v1`, and hands the definition along. */
const version: SearchTypes.ResolvedSearchIndexDefinition = { ...definition, physical_name: "product_v1" }

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)

const documents: SearchTypes.SearchDocument[] = [
  {
    id: "prod_tra_shan",
    title: "Trà Shan tuyết cổ thụ",
    description: "Trà xanh từ cây chè Shan tuyết trăm năm tuổi ở Hà Giang",
    handle: "tra-shan-tuyet-co-thu",
    status: "published",
    category_ids: ["pcat_tea"],
    stars: 5,
    price: 350000,
    province_code: "02",
    in_stock: true,
    certified_at: day("2025-03-01"),
    producer: { id: "prd_hg", name: "HTX Chè Shan Tuyết Hà Giang" },
  },
  {
    id: "prod_nuoc_mam",
    title: "Nước mắm Phú Quốc",
    description: "Nước mắm cá cơm truyền thống",
    handle: "nuoc-mam-phu-quoc",
    status: "published",
    category_ids: ["pcat_sauce"],
    stars: 4,
    price: 120000,
    province_code: "91",
    in_stock: true,
    certified_at: day("2024-06-15"),
    producer: { id: "prd_pq", name: "Cơ sở Hưng Thịnh" },
  },
  {
    id: "prod_mat_ong",
    title: "Mật ong bạc hà",
    description: "Mật ong hoa bạc hà cao nguyên đá Đồng Văn",
    handle: "mat-ong-bac-ha",
    status: "published",
    category_ids: ["pcat_honey", "pcat_gift"],
    stars: 4,
    price: 250000,
    province_code: "02",
    in_stock: false,
    certified_at: day("2023-11-20"),
    producer: { id: "prd_dv", name: "HTX Ong mật Đồng Văn" },
  },
  {
    id: "prod_che_thai",
    title: "Chè Thái Nguyên",
    description: "Trà xanh Tân Cương Thái Nguyên",
    handle: "che-thai-nguyen",
    status: "published",
    category_ids: ["pcat_tea"],
    stars: 3,
    price: 180000,
    province_code: "19",
    in_stock: true,
    certified_at: day("2022-01-10"),
    producer: { id: "prd_tn", name: "HTX Chè Tân Cương" },
  },
  {
    id: "prod_banh_dau",
    title: "Bánh đậu xanh Hải Dương",
    description: "Bánh đậu xanh truyền thống",
    handle: "banh-dau-xanh-hai-duong",
    status: "published",
    category_ids: ["pcat_snack", "pcat_gift"],
    stars: 3,
    price: 60000,
    province_code: "30",
    in_stock: true,
    certified_at: null,
    producer: { id: "prd_hd", name: "Công ty Rồng Vàng" },
  },
  {
    id: "prod_to_da",
    title: "Tô đá mỹ nghệ",
    description: "Tô đá chạm khắc thủ công",
    handle: "to-da-my-nghe",
    status: "draft",
    category_ids: ["pcat_craft"],
    stars: 3,
    price: 90000,
    province_code: "02",
    in_stock: false,
    certified_at: day("2025-08-08"),
    producer: { id: "prd_dv2", name: "Làng nghề đá Đồng Văn" },
  },
]

/** Every id, in primary-key order: how a search without a text query pages. */
const allIds = documents.map(({ id }) => id).sort()

describe("Meilisearch provider conformance", async () => {
  const reachable = await probeMeilisearch(HOST)
  if (!reachable) {
    process.stderr.write(`Meilisearch conformance suite skipped: no server reachable at ${HOST ?? "MEILISEARCH_HOST unset"}\n`)
  }

  // Skipped rather than failed without a server: the suite needs a real Meilisearch engine, which cannot
  // be installed everywhere the unit tests run (CI images, sandboxes without network). Point
  // MEILISEARCH_HOST at a server to run it.
  describe.skipIf(!reachable)("against a live server", { timeout: 30_000 }, () => {
    // A per-run prefix isolates this run's indexes from anything else on the server.
    const options = { host: HOST!, apiKey: API_KEY, index_prefix: `conformance_${Date.now().toString(36)}_` }
    // Created in beforeAll: a skipped suite still collects this block, and without a host the
    // constructor rightly throws.
    let provider: MeilisearchSearchProvider

    const settle = async (task: Promise<SearchTypes.SearchTask>) => {
      const settled = await provider.waitForTask(await task, { timeout_ms: 20_000 })
      expect(settled.error?.message).toBeUndefined()
      expect(settled.status).toBe("succeeded")
    }

    const query = (overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery => ({
      index: version,
      attributes_to_retrieve: ["id", "title", "stars", "price", "province_code", "producer.name"],
      pagination: { skip: 0, take: 20 },
      ...overrides,
    })
    const ids = async (overrides: Partial<SearchTypes.ProviderSearchQuery>) => (await provider.search(query(overrides))).hits.map((hit) => hit.id)
    const countOf = async () => (await provider.search(query({ search_options: { count: "exact" } }))).metadata.count

    beforeAll(async () => {
      provider = new MeilisearchSearchProvider({}, options)
      await provider.upsertIndex({ index: version })
    })

    afterAll(async () => {
      // Leave nothing behind, even when a test failed before the deletion test ran.
      await provider?.deleteIndex({ index: version.physical_name }).catch(() => undefined)
    })

    describe("indexes and writes", () => {
      it("creates the index empty, listed without the provider's prefix", async () => {
        const listed = await provider.listIndexes()
        expect(listed).toEqual([expect.objectContaining({ name: "product_v1", provider: "meilisearch", document_count: 0 })])
      })

      it("updates an existing index in place", async () => {
        await expect(provider.upsertIndex({ index: version })).resolves.toMatchObject({ status: "succeeded" })
      })

      it("writes documents through an enqueued task", async () => {
        const task = await provider.upsertDocuments({ index: "product_v1", definition, documents })
        expect(task.id).toBeDefined()
        expect(["enqueued", "processing", "succeeded"]).toContain(task.status)
        await settle(Promise.resolve(task))

        const [listed] = await provider.listIndexes()
        expect(listed.document_count).toBe(documents.length)
      })

      it("replaces a document written again under the same id", async () => {
        const renamed = { ...documents[1], title: "Nước mắm cốt Phú Quốc" }
        await settle(provider.upsertDocuments({ index: "product_v1", definition, documents: [renamed] }))
        const result = await provider.search(query({ filters: { id: "prod_nuoc_mam" } }))
        expect(result.hits[0].document.title).toBe("Nước mắm cốt Phú Quốc")
        await settle(provider.upsertDocuments({ index: "product_v1", definition, documents: [documents[1]] }))
      })
    })

    describe("text search", () => {
      it("matches Vietnamese with diacritics", async () => {
        expect(await ids({ q: "trà shan tuyết" })).toEqual(["prod_tra_shan"])
      })

      it("matches the same words typed without diacritics, đ included", async () => {
        expect(await ids({ q: "tra shan tuyet" })).toEqual(["prod_tra_shan"])
        expect(await ids({ q: "banh dau xanh" })).toEqual(["prod_banh_dau"])
      })

      it("finds short words an English analyzer would drop (tô)", async () => {
        expect(await ids({ q: "tô" })).toEqual(["prod_to_da"])
      })

      it("ranks by weight: a title match before a description-only match", async () => {
        expect(await ids({ q: "trà" })).toEqual(["prod_tra_shan", "prod_che_thai"])
      })

      it("tolerates typos only when the query asks for it", async () => {
        expect(await ids({ q: "nuoc mams", search_options: { typo_tolerance: true } })).toEqual(["prod_nuoc_mam"])
        expect(await ids({ q: "nuoc mams" })).toEqual([])
      })

      it("requires every term with match_strategy all, and only whole terms", async () => {
        expect(await ids({ q: "mật o" })).toEqual([])
        expect(await ids({ q: "trà mắm" })).toEqual([])
      })

      it("matches the last term as a prefix with match_strategy last (typeahead)", async () => {
        expect(await ids({ q: "mật o", search_options: { match_strategy: "last" } })).toEqual(["prod_mat_ong"])
      })

      it("matches documents with only some terms with match_strategy any", async () => {
        expect(await ids({ q: "trà mắm", search_options: { match_strategy: "any" } })).toContain("prod_nuoc_mam")
      })

      it("expands synonyms from provider_options", async () => {
        expect(await ids({ q: "honey", search_options: { typo_tolerance: true } })).toEqual(["prod_mat_ong"])
      })

      it("searches only the requested attributes", async () => {
        expect(await ids({ q: "hà giang", search_options: { attributes_to_search_on: ["title"] } })).toEqual([])
        expect(await ids({ q: "hà giang", search_options: { attributes_to_search_on: ["producer.name"] } })).toEqual(["prod_tra_shan"])
      })

      it("returns scores and highlights on request", async () => {
        const result = await provider.search(query({ q: "shan", search_options: { include_score: true, highlight: { fields: ["title"] } } }))
        expect(result.hits[0].id).toBe("prod_tra_shan")
        expect(result.hits[0].score).toBeGreaterThan(0)
        expect(result.hits[0].score).toBeLessThanOrEqual(1)
        expect(result.hits[0].highlights?.title?.[0]).toContain("<mark>Shan</mark>")
      })

      it("returns only the requested, retrievable attributes", async () => {
        const result = await provider.search(query({ q: "mật ong", attributes_to_retrieve: ["title", "producer.name"] }))
        expect(result.hits[0]).toEqual({
          id: "prod_mat_ong",
          document: { title: "Mật ong bạc hà", producer: { name: "HTX Ong mật Đồng Văn" } },
        })
      })
    })

    describe("filters", () => {
      it("browses in primary-key order without a query", async () => {
        expect(await ids({})).toEqual(allIds)
      })

      it("combines equality and comparisons", async () => {
        expect(await ids({ filters: { status: "published", stars: { $gte: 4 } } })).toEqual(["prod_mat_ong", "prod_nuoc_mam", "prod_tra_shan"])
      })

      it("supports $in, $nin, $ne and lists", async () => {
        expect(await ids({ filters: { province_code: { $in: ["19", "30"] } } })).toEqual(["prod_banh_dau", "prod_che_thai"])
        expect(await ids({ filters: { province_code: ["19", "30"] } })).toEqual(["prod_banh_dau", "prod_che_thai"])
        expect(await ids({ filters: { province_code: { $nin: ["02", "91"] } } })).toEqual(["prod_banh_dau", "prod_che_thai"])
        expect(await ids({ filters: { status: { $ne: "published" } } })).toEqual(["prod_to_da"])
      })

      it("supports $or, $and and $not, nested", async () => {
        expect(
          await ids({
            filters: {
              $or: [{ stars: 5 }, { $and: [{ stars: 3 }, { in_stock: true }] }],
              $not: { province_code: "02" },
            },
          })
        ).toEqual(["prod_banh_dau", "prod_che_thai"])
      })

      it("reads a bare value on an array field as 'contains', and supports $contains / $overlaps", async () => {
        expect(await ids({ filters: { category_ids: "pcat_gift" } })).toEqual(["prod_banh_dau", "prod_mat_ong"])
        expect(await ids({ filters: { category_ids: { $contains: ["pcat_honey", "pcat_gift"] } } })).toEqual(["prod_mat_ong"])
        expect(await ids({ filters: { category_ids: { $overlaps: ["pcat_craft", "pcat_sauce"] } } })).toEqual(["prod_nuoc_mam", "prod_to_da"])
      })

      it("filters booleans and nested fields", async () => {
        expect(await ids({ filters: { in_stock: false } })).toEqual(["prod_mat_ong", "prod_to_da"])
        expect(await ids({ filters: { "producer.id": ["prd_hg", "prd_pq"] } })).toEqual(["prod_nuoc_mam", "prod_tra_shan"])
      })

      it("compares dates given as Date or epoch milliseconds", async () => {
        expect(await ids({ filters: { certified_at: { $gte: day("2025-01-01") } } })).toEqual(["prod_to_da", "prod_tra_shan"])
        expect(await ids({ filters: { certified_at: { $lt: day("2023-01-01").getTime() } } })).toEqual(["prod_che_thai"])
      })

      it("treats null and $exists: false as absent", async () => {
        expect(await ids({ filters: { certified_at: { $exists: false } } })).toEqual(["prod_banh_dau"])
        expect(await ids({ filters: { certified_at: null } })).toEqual(["prod_banh_dau"])
        expect(await ids({ filters: { certified_at: { $exists: true } } })).toHaveLength(5)
      })

      it("matches quotes and diacritics in values exactly", async () => {
        expect(await ids({ filters: { handle: "mat-ong-bac-ha" } })).toEqual(["prod_mat_ong"])
        expect(await ids({ filters: { handle: 'a "quoted" \\ handle' } })).toEqual([])
      })

      it("combines text and filters", async () => {
        expect(await ids({ q: "trà", filters: { province_code: "19" } })).toEqual(["prod_che_thai"])
      })
    })

    describe("facets", () => {
      it("counts values, most frequent first", async () => {
        const result = await provider.search(query({ search_options: { facets: ["province_code"] } }))
        expect(result.facets?.province_code).toEqual({
          type: "value",
          values: [
            { value: "02", count: 3 },
            { value: "19", count: 1 },
            { value: "30", count: 1 },
            { value: "91", count: 1 },
          ],
        })
      })

      it("counts array values, booleans and numbers", async () => {
        const result = await provider.search(
          query({ search_options: { facets: ["category_ids", "in_stock", { field: "stars", type: "value", sort: "alpha" }] } })
        )
        expect(result.facets?.category_ids).toMatchObject({
          values: expect.arrayContaining([
            { value: "pcat_gift", count: 2 },
            { value: "pcat_tea", count: 2 },
          ]),
        })
        expect(result.facets?.in_stock).toEqual({
          type: "value",
          values: [
            { value: "true", count: 4 },
            { value: "false", count: 2 },
          ],
        })
        expect(result.facets?.stars).toEqual({
          type: "value",
          values: [
            { value: "3", count: 3 },
            { value: "4", count: 2 },
            { value: "5", count: 1 },
          ],
        })
      })

      it("computes ranges as [from, to) and stats", async () => {
        const result = await provider.search(
          query({
            search_options: {
              facets: [
                {
                  field: "stars",
                  type: "range",
                  ranges: [
                    { key: "low", to: 4 },
                    { key: "high", from: 4 },
                  ],
                },
                { field: "price", type: "stats" },
              ],
            },
          })
        )
        expect(result.facets?.stars).toEqual({
          type: "range",
          ranges: [
            { key: "low", from: undefined, to: 4, count: 3 },
            { key: "high", from: 4, to: undefined, count: 3 },
          ],
        })
        expect(result.facets?.price).toEqual({ type: "stats", min: 60000, max: 350000, count: 6 })
      })

      it("scopes facets to the matches of the query", async () => {
        const result = await provider.search(query({ q: "trà", search_options: { facets: ["province_code"] } }))
        expect(result.facets?.province_code).toEqual({
          type: "value",
          values: [
            { value: "02", count: 1 },
            { value: "19", count: 1 },
          ],
        })
      })

      it("narrows values by prefix", async () => {
        const result = await provider.search(query({ search_options: { facets: [{ field: "province_code", query: "0" }] } }))
        expect(result.facets?.province_code).toEqual({ type: "value", values: [{ value: "02", count: 3 }] })
      })
    })

    describe("sorting and pagination", () => {
      it("sorts by a number both ways", async () => {
        const byPrice = [...documents].sort((a, b) => Number(a.price) - Number(b.price)).map(({ id }) => id)
        expect(await ids({ pagination: { order: { price: "ASC" } } })).toEqual(byPrice)
        expect(await ids({ pagination: { order: { price: "DESC" } } })).toEqual([...byPrice].reverse())
      })

      it("sorts by a date", async () => {
        expect((await ids({ pagination: { order: { certified_at: "DESC" } } })).slice(0, 5)).toEqual([
          "prod_to_da",
          "prod_tra_shan",
          "prod_nuoc_mam",
          "prod_mat_ong",
          "prod_che_thai",
        ])
      })

      it("sorts text matches by a field, as a hard sort", async () => {
        expect(await ids({ q: "trà", pagination: { order: { price: "ASC" } } })).toEqual(["prod_che_thai", "prod_tra_shan"])
      })

      it("pages with skip and take, with an exact count", async () => {
        const page = await provider.search(query({ pagination: { skip: 2, take: 2 }, search_options: { count: "exact" } }))
        expect(page.hits.map((hit) => hit.id)).toEqual(allIds.slice(2, 4))
        expect(page.metadata).toMatchObject({ skip: 2, take: 2, count: 6 })

        const offset = await provider.search(query({ pagination: { skip: 1, take: 2 }, search_options: { count: "exact" } }))
        expect(offset.hits.map((hit) => hit.id)).toEqual(allIds.slice(1, 3))
        expect(offset.metadata.count).toBe(6)
      })

      it("estimates or omits the count on request", async () => {
        expect((await provider.search(query({ pagination: { take: 1 } }))).metadata.count).toBe(6)
        expect((await provider.search(query({ search_options: { count: "none" } }))).metadata.count).toBeNull()
      })

      it("answers several queries at once, in order", async () => {
        const [tea, honey] = await provider.searchMany([query({ q: "trà" }), query({ q: "mật ong" })])
        expect(tea.hits.map((hit) => hit.id)).toEqual(["prod_tra_shan", "prod_che_thai"])
        expect(honey.hits.map((hit) => hit.id)).toEqual(["prod_mat_ong"])
      })
    })

    describe("deletes", () => {
      it("deletes by id", async () => {
        await settle(provider.deleteDocuments({ index: "product_v1", filters: { id: ["prod_to_da"] } }))
        expect(await countOf()).toBe(5)
      })

      it("deletes by filter", async () => {
        await settle(provider.deleteDocuments({ index: "product_v1", filters: { province_code: "30" } }))
        expect(await ids({})).not.toContain("prod_banh_dau")
        expect(await countOf()).toBe(4)
      })

      it("deletes by a date filter from a process that never saw the definition", async () => {
        const fresh = new MeilisearchSearchProvider({}, options)
        const task = await fresh.deleteDocuments({
          index: "product_v1",
          filters: { certified_at: { $lt: day("2023-01-01") } },
        })
        expect((await fresh.waitForTask(task)).status).toBe("succeeded")
        expect(await ids({})).toEqual(["prod_mat_ong", "prod_nuoc_mam", "prod_tra_shan"])
      })

      it("clears the index", async () => {
        await settle(provider.clearIndex({ index: "product_v1" }))
        expect(await countOf()).toBe(0)
        const [listed] = await provider.listIndexes()
        expect(listed.document_count).toBe(0)
      })

      it("deletes the index; searching it is then NOT_FOUND", async () => {
        await expect(provider.deleteIndex({ index: "product_v1" })).resolves.toMatchObject({ status: "succeeded" })
        expect(await provider.listIndexes()).toEqual([])
        const error = await provider.search(query()).catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(MedusaError)
        expect((error as MedusaError).type).toBe(MedusaError.Types.NOT_FOUND)
        // Dropping it again is not an error.
        await expect(provider.deleteIndex({ index: "product_v1" })).resolves.toMatchObject({ status: "succeeded" })
      })
    })
  })
})
