/**
 * The provider's calls against an in-memory stand-in for the Meilisearch client: which requests each
 * contract method sends, how tasks and errors come back. The engine's own behaviour (matching, ranking,
 * facets) is covered by the conformance suite against a real server.
 */
import { MedusaError, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { beforeEach, describe, expect, it, vi } from "vitest"
import { MATCH_ATTRIBUTE } from "./index-schema"
import { type MeilisearchProviderOptions, MeilisearchSearchProvider } from "./meilisearch-provider"

type Task = {
  uid: number
  indexUid: string | null
  status: "succeeded" | "failed"
  type: string
  error: { message: string; code: string } | null
}

type FakeIndex = {
  uid: string
  primaryKey?: string
  createdAt: string
  updatedAt: string
  settings: Record<string, unknown>
  documents: Map<string, Record<string, unknown>>
}

function apiError(code: string, status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`${code} happened`), {
    name: "MeiliSearchApiError",
    cause: { code, message: `${code} happened`, type: "invalid_request", link: "" },
    response: new Response(null, { status, headers }),
  })
}

/** Applies writes as soon as they are enqueued, and keeps their outcome for `waitForTask`. */
class FakeMeilisearch {
  indexes = new Map<string, FakeIndex>()
  taskLog = new Map<number, Task>()
  deletions: { uid: string; params: unknown }[] = []
  multiSearches: { queries: { indexUid: string }[] }[] = []
  facetSearches: { uid: string; params: unknown }[] = []
  searchResults: unknown[] | undefined
  searchError: Error | undefined
  /** When set, `waitForTask` times out, as it does against a stuck server. */
  stalled = false
  /** When set, tasks of this type fail with this error instead of being applied. */
  failing: { type: string; error: { code: string; message: string } } | undefined
  private nextTask = 1

  tasks = {
    waitForTask: async (task: number | { taskUid: number }, options?: { timeout?: number }) => {
      const uid = typeof task === "number" ? task : task.taskUid
      if (this.stalled) {
        throw Object.assign(new Error(`timeout of ${options?.timeout}ms has exceeded on task ${uid}`), {
          name: "MeiliSearchTaskTimeOutError",
        })
      }
      return this.taskLog.get(uid)
    },
  }

  async getRawIndex(uid: string) {
    const index = this.indexes.get(uid)
    if (!index) {
      throw apiError("index_not_found", 404)
    }
    return { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt }
  }

  async getRawIndexes({ offset = 0, limit = 20 }: { offset?: number; limit?: number }) {
    const all = [...this.indexes.values()].map(({ uid, primaryKey, createdAt, updatedAt }) => ({
      uid,
      primaryKey,
      createdAt,
      updatedAt,
    }))
    return { results: all.slice(offset, offset + limit), offset, limit, total: all.length }
  }

  async getStats() {
    return {
      indexes: Object.fromEntries([...this.indexes.values()].map((index) => [index.uid, { numberOfDocuments: index.documents.size }])),
    }
  }

  createIndex(uid: string, options: { primaryKey?: string }) {
    return this.enqueue(uid, "indexCreation", () => {
      if (this.indexes.has(uid)) {
        return { code: "index_already_exists", message: "exists" }
      }
      this.indexes.set(uid, {
        uid,
        primaryKey: options.primaryKey,
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-02T00:00:00Z",
        settings: {},
        documents: new Map(),
      })
    })
  }

  updateIndex(uid: string, options: { primaryKey?: string }) {
    return this.enqueue(uid, "indexUpdate", () => {
      this.indexes.get(uid)!.primaryKey = options.primaryKey
    })
  }

  deleteIndex(uid: string) {
    return this.enqueue(uid, "indexDeletion", () => {
      if (!this.indexes.delete(uid)) {
        return { code: "index_not_found", message: `Index \`${uid}\` not found.` }
      }
    })
  }

  index(uid: string) {
    const existing = () => this.indexes.get(uid)
    return {
      updateSettings: (settings: Record<string, unknown>) =>
        this.enqueue(uid, "settingsUpdate", () => {
          existing()!.settings = settings
        }),
      getSettings: async () => existing()?.settings ?? {},
      addDocuments: (documents: Record<string, unknown>[], options: { primaryKey: string }) =>
        this.enqueue(uid, "documentAdditionOrUpdate", () => {
          const index = existing()
          if (!index) {
            return { code: "index_not_found", message: "missing" }
          }
          for (const document of documents) {
            index.documents.set(String(document[options.primaryKey]), document)
          }
        }),
      deleteDocuments: (params: unknown) => {
        this.deletions.push({ uid, params })
        return this.enqueue(uid, "documentDeletion", () => {
          if (Array.isArray(params)) {
            params.forEach((id) => existing()?.documents.delete(id))
          }
        })
      },
      deleteAllDocuments: () =>
        this.enqueue(uid, "documentDeletion", () => {
          existing()?.documents.clear()
        }),
      searchForFacetValues: async (params: unknown) => {
        this.facetSearches.push({ uid, params })
        return { facetHits: [], facetQuery: null, processingTimeMs: 0 }
      },
    }
  }

  async multiSearch(request: { queries: { indexUid: string }[] }) {
    this.multiSearches.push(request)
    if (this.searchError) {
      throw this.searchError
    }
    const missing = request.queries.find((query) => !this.indexes.has(query.indexUid))
    if (missing) {
      throw apiError("index_not_found", 404)
    }
    return {
      results: this.searchResults ?? request.queries.map((query) => ({ indexUid: query.indexUid, hits: [], processingTimeMs: 1, query: "" })),
    }
  }

  private async enqueue(indexUid: string, type: string, apply: () => { code: string; message: string } | void) {
    const uid = this.nextTask++
    const error = this.failing?.type === type ? this.failing.error : (apply() ?? null)
    this.taskLog.set(uid, { uid, indexUid, type, status: error ? "failed" : "succeeded", error })
    return { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: "2026-01-01T00:00:00Z" }
  }
}

let fake: FakeMeilisearch

class TestProvider extends MeilisearchSearchProvider {
  protected override createClient() {
    return fake as never
  }
}

const fields = search
  .define({
    id: search.keyword().filterable(),
    title: search.text().searchable({ weight: 3 }),
    status: search.keyword().filterable(),
    valid_until: search.date().filterable(),
    embedding: search.vector(3),
  })
  .toFields()

const definition: SearchTypes.ResolvedSearchIndexDefinition = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "meilisearch",
  fields,
  settings: {},
  seed: async function* () {},
  definition_hash: "test",
  physical_name: "product",
}
const version = { ...definition, physical_name: "product_v1" }

const logger = { warn: vi.fn() }
const options: MeilisearchProviderOptions = { host: "http://meilisearch.test:7700", index_prefix: "ocop_" }
const provider = () => new TestProvider({ logger }, options)

function rejection(promise: Promise<unknown>): Promise<MedusaError> {
  return promise.then(
    () => {
      throw new Error("expected a rejection")
    },
    (error: MedusaError) => error
  )
}

beforeEach(() => {
  fake = new FakeMeilisearch()
  logger.warn.mockReset()
})

describe("options", () => {
  const construct = (value: unknown) => () => new TestProvider({}, value as MeilisearchProviderOptions)

  it("requires a host, naming the option", () => {
    expect(construct({})).toThrowError(/option "host" is required/)
    expect(construct(undefined)).toThrowError(/option "host" is required/)
  })

  it("rejects a host that is not an http(s) URL", () => {
    expect(construct({ host: "localhost:7700" })).toThrowError(/option "host" must be an http\(s\) URL/)
  })

  it("rejects unknown options and suggests the right spelling", () => {
    expect(construct({ host: "http://x", api_key: "k" })).toThrowError(/option "api_key" is not recognised \(did you mean "apiKey"\?\)/)
  })

  it("validates numbers and the index prefix", () => {
    expect(construct({ host: "http://x", timeout_ms: 0 })).toThrowError(/option "timeout_ms" must be greater than 0/)
    expect(construct({ host: "http://x", index_prefix: "a b" })).toThrowError(/option "index_prefix"/)
  })

  it("throws an INVALID_ARGUMENT MedusaError", () => {
    try {
      construct({})()
    } catch (error) {
      expect(error).toBeInstanceOf(MedusaError)
      expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_ARGUMENT)
    }
  })

  it("works without a logger in the container", () => {
    expect(() => new TestProvider({}, options)).not.toThrow()
  })
})

describe("upsertIndex", () => {
  it("creates the index with its primary key and settings, and waits for them", async () => {
    const task = await provider().upsertIndex({ index: version })

    expect(task).toEqual({ id: expect.any(String), index: "product_v1", status: "succeeded" })
    const created = fake.indexes.get("ocop_product_v1")!
    expect(created.primaryKey).toBe("id")
    expect(created.settings).toMatchObject({
      searchableAttributes: ["title"],
      filterableAttributes: ["id", MATCH_ATTRIBUTE, "status", "_medusa.date.valid_until"],
      sortableAttributes: ["id"],
    })
  })

  it("updates an existing index in place", async () => {
    await provider().upsertIndex({ index: version })
    fake.indexes.get("ocop_product_v1")!.documents.set("a", { id: "a" })

    await provider().upsertIndex({ index: version })
    expect(fake.indexes.get("ocop_product_v1")!.documents.size).toBe(1)
  })

  it("recreates an index whose primary key differs", async () => {
    await provider().upsertIndex({ index: version })
    fake.indexes.get("ocop_product_v1")!.documents.set("a", { id: "a" })

    await provider().upsertIndex({ index: { ...version, primary_key: "title" } })
    const recreated = fake.indexes.get("ocop_product_v1")!
    expect(recreated.primaryKey).toBe("title")
    expect(recreated.documents.size).toBe(0)
  })

  it("warns about ignored vector fields", async () => {
    await provider().upsertIndex({ index: version })
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('"embedding"'))
  })

  it("fails when Meilisearch rejects the settings", async () => {
    fake.failing = {
      type: "settingsUpdate",
      error: { code: "invalid_settings_typo_tolerance", message: "oneTypo must be lower than twoTypos" },
    }
    const error = await rejection(provider().upsertIndex({ index: version }))
    expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(error.message).toContain("oneTypo must be lower than twoTypos")
  })

  it("rejects definitions Meilisearch cannot hold before calling it", async () => {
    const error = await rejection(provider().upsertIndex({ index: { ...version, fields: { ...fields, at: { type: "geo" } } } }))
    expect(error.message).toContain('geo field "at"')
    expect(fake.indexes.size).toBe(0)
  })

  it("refuses index names that cannot be Meilisearch uids", async () => {
    const error = await rejection(provider().upsertIndex({ index: { ...version, physical_name: "product.v1" } }))
    expect(error.message).toContain('"ocop_product.v1"')
  })
})

describe("documents", () => {
  it("writes prepared documents and returns the enqueued task", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })

    const task = await client.upsertDocuments({
      index: "product_v1",
      definition,
      documents: [{ id: "prod_1", title: "Trà Shan tuyết", valid_until: "2027-01-01T00:00:00Z" }],
    })

    expect(task).toEqual({ id: expect.any(String), index: "product_v1", status: "enqueued" })
    expect(await client.waitForTask(task)).toEqual({ ...task, status: "succeeded" })
    expect(fake.indexes.get("ocop_product_v1")!.documents.get("prod_1")).toEqual({
      id: "prod_1",
      title: "Trà Shan tuyết",
      valid_until: "2027-01-01T00:00:00Z",
      _medusa: { match: 1, date: { valid_until: Date.UTC(2027, 0, 1) } },
    })
  })

  it("does nothing for an empty batch", async () => {
    expect(await provider().upsertDocuments({ index: "product_v1", definition, documents: [] })).toEqual({
      index: "product_v1",
      status: "succeeded",
    })
  })

  it("reports a failed write through waitForTask", async () => {
    const client = provider()
    const task = await client.upsertDocuments({ index: "missing", definition, documents: [{ id: "a" }] })
    expect(await client.waitForTask(task)).toEqual({
      ...task,
      status: "failed",
      error: { message: "missing", code: "index_not_found" },
    })
  })

  it("deletes by id without a filter", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    await client.deleteDocuments({ index: "product_v1", filters: { id: ["prod_1", "prod_2"] } })
    await client.deleteDocuments({ index: "product_v1", filters: { id: { $eq: "prod_3" } } })
    expect(fake.deletions).toEqual([
      { uid: "ocop_product_v1", params: ["prod_1", "prod_2"] },
      { uid: "ocop_product_v1", params: ["prod_3"] },
    ])
  })

  it("does nothing when deleting no ids", async () => {
    await provider().upsertIndex({ index: version })
    expect(await provider().deleteDocuments({ index: "product_v1", filters: { id: [] } })).toEqual({
      index: "product_v1",
      status: "succeeded",
    })
    expect(fake.deletions).toEqual([])
  })

  it("deletes by filter with the schema of the definition it has seen", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    const at = new Date("2026-01-01T00:00:00Z")
    await client.deleteDocuments({ index: "product_v1", filters: { status: "draft", valid_until: { $lt: at } } })
    expect(fake.deletions).toEqual([
      {
        uid: "ocop_product_v1",
        params: { filter: `status = "draft" AND _medusa.date.valid_until < ${at.getTime()}` },
      },
    ])
  })

  it("recovers date fields and the primary key from the server when it has seen no definition", async () => {
    await provider().upsertIndex({ index: version })
    const fresh = provider()
    await fresh.deleteDocuments({ index: "product_v1", filters: { valid_until: { $lt: 5 } } })
    await fresh.deleteDocuments({ index: "product_v1", filters: { id: "prod_9" } })
    expect(fake.deletions.map(({ params }) => params)).toEqual([{ filter: "_medusa.date.valid_until < 5" }, ["prod_9"]])
  })

  it("refuses a delete filter that selects everything", async () => {
    await provider().upsertIndex({ index: version })
    const error = await rejection(provider().deleteDocuments({ index: "product_v1", filters: { status: { $nin: [] } } }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
  })

  it("clears an index", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    await client.upsertDocuments({ index: "product_v1", definition, documents: [{ id: "a" }, { id: "b" }] })
    const task = await client.clearIndex({ index: "product_v1" })
    expect(task.status).toBe("enqueued")
    expect(fake.indexes.get("ocop_product_v1")!.documents.size).toBe(0)
  })
})

describe("waitForTask", () => {
  it("returns settled tasks as they are", async () => {
    const done: SearchTypes.SearchTask = { index: "x", status: "succeeded" }
    expect(await provider().waitForTask(done)).toBe(done)
  })

  it("fails loudly when the task outlives the timeout", async () => {
    fake.stalled = true
    const error = await rejection(provider().waitForTask({ id: "7", status: "enqueued" }, { timeout_ms: 50 }))
    expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(error.message).toContain("task 7 did not finish within 50 ms")
  })
})

describe("indexes", () => {
  it("lists prefixed indexes without their prefix, with document counts", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    await client.upsertDocuments({ index: "product_v1", definition, documents: [{ id: "a" }, { id: "b" }] })
    await fake.createIndex("someone_else", {})

    expect(await client.listIndexes()).toEqual([
      {
        name: "product_v1",
        provider: "meilisearch",
        document_count: 2,
        created_at: new Date("2026-01-01T00:00:00Z"),
        updated_at: new Date("2026-01-02T00:00:00Z"),
      },
    ])
  })

  it("pages through every index", async () => {
    for (let i = 0; i < 130; i++) {
      await fake.createIndex(`ocop_index_${String(i).padStart(3, "0")}`, { primaryKey: "id" })
    }
    expect(await provider().listIndexes()).toHaveLength(130)
  })

  it("deletes an index, and treats a missing one as deleted", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    expect((await client.deleteIndex({ index: "product_v1" })).status).toBe("succeeded")
    expect(fake.indexes.has("ocop_product_v1")).toBe(false)
    expect((await client.deleteIndex({ index: "product_v1" })).status).toBe("succeeded")
  })
})

describe("search", () => {
  const input = (overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery => ({
    index: version,
    attributes_to_retrieve: ["id", "title"],
    pagination: { skip: 0, take: 10 },
    ...overrides,
  })

  it("queries the prefixed physical index", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    fake.searchResults = [
      { indexUid: "ocop_product_v1", hits: [{ id: "prod_1", title: "Trà" }], processingTimeMs: 2, query: "trà", estimatedTotalHits: 1 },
    ]

    const result = await client.search(input({ q: "trà", filters: { status: "published" } }))

    expect(fake.multiSearches[0].queries).toEqual([
      expect.objectContaining({ indexUid: "ocop_product_v1", q: '"trà"', filter: 'status = "published"' }),
    ])
    expect(result.hits).toEqual([{ id: "prod_1", document: { id: "prod_1", title: "Trà" } }])
    expect(result.metadata).toEqual({ skip: 0, take: 10, count: 1, query: "trà", processing_time_ms: 2 })
  })

  it("packs several queries and their extra requests into one multi-search", async () => {
    const client = provider()
    await client.upsertIndex({ index: version })
    const results = await client.searchMany([
      input({ search_options: { count: "exact" }, pagination: { skip: 3, take: 10 } }),
      input({ q: "chè" }),
      input({ search_options: { facets: [{ field: "status", query: "pub" }] } }),
    ])

    expect(fake.multiSearches).toHaveLength(1)
    expect(fake.multiSearches[0].queries).toHaveLength(4)
    expect(fake.facetSearches).toEqual([{ uid: "ocop_product_v1", params: expect.objectContaining({ facetName: "status", facetQuery: "pub" }) }])
    expect(results).toHaveLength(3)
    expect(results[2].facets).toEqual({ status: { type: "value", values: [] } })
  })

  it("answers nothing to nothing", async () => {
    expect(await provider().searchMany([])).toEqual([])
    expect(fake.multiSearches).toEqual([])
  })

  it("reports a missing index as NOT_FOUND, so the module retries with a fresh version", async () => {
    const error = await rejection(provider().search(input()))
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
    expect(error.message).toContain("index_not_found")
  })

  it("keeps a rate limit recognisable, so seeding backs off", async () => {
    await provider().upsertIndex({ index: version })
    fake.searchError = apiError("too_many_requests", 429, { "retry-after": "2" })
    const error = (await rejection(provider().search(input()))) as MedusaError & { status?: number; retry_after?: number }
    expect(error.status).toBe(429)
    expect(error.retry_after).toBe(2000)
  })

  it("names the API key when Meilisearch refuses it", async () => {
    await provider().upsertIndex({ index: version })
    fake.searchError = apiError("invalid_api_key", 403)
    const error = await rejection(provider().search(input()))
    expect(error.type).toBe(MedusaError.Types.UNAUTHORIZED)
    expect(error.message).toContain('"apiKey"')
  })

  it("explains an unreachable server", async () => {
    await provider().upsertIndex({ index: version })
    fake.searchError = Object.assign(new Error("Request to http://meilisearch.test:7700/multi-search has failed"), {
      name: "MeiliSearchRequestError",
    })
    const error = await rejection(provider().search(input()))
    expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(error.message).toMatch(/^Cannot reach Meilisearch to search "ocop_product_v1"/)
  })
})
