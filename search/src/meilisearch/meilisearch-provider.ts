/**
 * A Meilisearch provider for the Medusa Search Module (`AbstractSearchProviderService`, Medusa 2.21).
 *
 * Register it as a provider of `@medusajs/medusa/search`:
 *
 * ```ts
 * { resolve: "@medusajs/medusa/search", options: { providers: [
 *   { resolve: "@ocop/search/meilisearch", id: "meilisearch", options: { host: process.env.MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY } },
 * ] } }
 * ```
 *
 * Needs Meilisearch 1.11 or later (search-time `distinct`, `rankingScoreThreshold`, `IS NULL` filters).
 *
 * Meilisearch applies writes asynchronously: document writes return an enqueued task and the Search
 * Module waits through `waitForTask` wherever it needs the write applied (ingestion, seeding, clearing).
 * `upsertIndex` and `deleteIndex` wait themselves, because the module does not wait for their tasks and
 * a seed must never start against an index whose settings are still being applied.
 */
import type { EnqueuedTask, IndexObject, MeiliSearch, Task } from "meilisearch" with {
  "resolution-mode": "import",
}
import { AbstractSearchProviderService, extractPrimaryKeyFilter, MedusaError } from "@medusajs/framework/utils"
import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { z } from "zod"
import { INDEX_NOT_FOUND, toMedusaError } from "./errors"
import { buildIndexSchema, buildIndexSettings, type IndexSchema, prepareDocument, RESERVED_ATTRIBUTE } from "./index-schema"
import { planSearch } from "./search-plan"
import { type FilterFieldInfo, translateFilters } from "./translate-filters"
import { reportWritten } from "../write-order"

// For TypeScript the client is an ES module, but it also ships a CommonJS build, which is what Node loads
// for this CommonJS package. Requiring it keeps the compiled output loadable with `require`.
type MeilisearchModule = typeof import("meilisearch", { with: { "resolution-mode": "import" } })
const meilisearch: MeilisearchModule = require("meilisearch")

const positiveInteger = z.number({ error: "must be a number" }).int("must be a whole number").positive("must be greater than 0")

export const meilisearchProviderOptionsSchema = z
  .object({
    /** The URL of the Meilisearch server, e.g. `http://localhost:7700`. */
    host: z.url({
      protocol: /^https?$/,
      error: (issue) =>
        issue.input === undefined
          ? "is required: the URL of the Meilisearch server, e.g. http://localhost:7700"
          : "must be an http(s) URL, e.g. http://localhost:7700",
    }),
    /** An API key with the index, document, settings, search, task and stats actions (or the master key). */
    apiKey: z.string().min(1, "cannot be empty: omit it when the server runs without a master key").optional(),
    /**
     * Prepended verbatim to every index uid (e.g. `"staging_"`), so several environments can share one
     * server. `listIndexes` only reports indexes carrying the prefix, and reports them without it.
     */
    index_prefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]*$/, "may only contain letters, digits, '-' and '_', as Meilisearch index uids do")
      .default(""),
    /** How long one HTTP request may take. */
    timeout_ms: positiveInteger.default(10_000),
    /** How long `waitForTask` waits for an enqueued write when the Search Module names no timeout. */
    task_timeout_ms: positiveInteger.default(120_000),
    /** How often a pending task is polled. */
    task_interval_ms: positiveInteger.default(100),
    /** Meilisearch's `pagination.maxTotalHits`: `skip + take` can never go beyond it. */
    max_total_hits: positiveInteger.default(1000),
    /** Meilisearch's `faceting.maxValuesPerFacet`: the largest `limit` a value facet may ask for. */
    max_values_per_facet: positiveInteger.default(100),
    /**
     * Allow `$prefix` and `$like` filters, compiled to `STARTS WITH` / `CONTAINS`. Enable Meilisearch's
     * experimental `containsFilter` feature on the server first. Unlike Postgres' LIKE, they ignore case.
     */
    experimental_contains_filter: z.boolean().default(false),
  })
  .strict()

/** The options as written in `medusa-config.ts`. */
export type MeilisearchProviderOptions = z.input<typeof meilisearchProviderOptionsSchema>
type ResolvedOptions = z.output<typeof meilisearchProviderOptionsSchema>

export class MeilisearchSearchProvider extends AbstractSearchProviderService {
  static identifier = "meilisearch"

  protected readonly options_: ResolvedOptions
  protected readonly logger_?: Logger
  protected readonly client_: MeiliSearch
  /**
   * What each physical index's definition implies, by uid. Deletes carry no definition, yet their filters
   * must know which fields are dates (filtered on their epoch copy) and what the primary key is.
   */
  protected readonly schemas_ = new Map<string, IndexSchema>()
  protected readonly primaryKeys_ = new Map<string, string>()

  constructor(cradle: Record<string, unknown>, options: MeilisearchProviderOptions) {
    super()
    this.options_ = parseOptions(options)
    this.logger_ = resolveLogger(cradle)
    this.client_ = this.createClient(this.options_)
  }

  /** Overridable so tests can substitute the HTTP client. */
  protected createClient(options: ResolvedOptions): MeiliSearch {
    return new meilisearch.MeiliSearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.timeout_ms,
    })
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const uid = this.uidOf(index.physical_name)
    const schema = buildIndexSchema(index)
    const settings = buildIndexSettings(index, schema, {
      maxTotalHits: this.options_.max_total_hits,
      maxValuesPerFacet: this.options_.max_values_per_facet,
    })
    if (schema.ignoredVectors.length) {
      this.logger_?.warn(
        `The Meilisearch search provider does not search vectors. Ignoring vector field(s) ${schema.ignoredVectors
          .map((path) => `"${path}"`)
          .join(", ")} on search index "${index.name}".`
      )
    }

    return await this.guard(`set up index "${uid}"`, async () => {
      const existing = await this.findIndex(uid)
      const currentKey = existing?.primaryKey ?? undefined
      const conflicting = currentKey !== undefined && currentKey !== schema.primaryKey
      if (conflicting) {
        // A primary key cannot change once documents exist. Recreating is safe: the module only points
        // upsertIndex at an index it is about to seed, never at one serving reads.
        await this.settle(this.client_.deleteIndex(uid), `delete index "${uid}" to change its primary key`)
      }
      if (!existing || conflicting) {
        await this.settle(this.client_.createIndex(uid, { primaryKey: schema.primaryKey }), `create index "${uid}"`)
      } else if (currentKey === undefined) {
        await this.settle(this.client_.updateIndex(uid, { primaryKey: schema.primaryKey }), `set the primary key of index "${uid}"`)
      }

      const task = await this.settle(this.client_.index(uid).updateSettings(settings), `configure index "${uid}"`)
      this.remember(uid, schema)
      return { id: String(task.uid), index: index.physical_name, status: "succeeded" }
    })
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const uid = this.uidOf(index)
    return await this.guard(`delete index "${uid}"`, async () => {
      const task = await this.wait(await this.client_.deleteIndex(uid))
      // Deleting an index that is already gone is what the caller wanted.
      if (task.status !== "succeeded" && task.error?.code !== INDEX_NOT_FOUND) {
        throw taskFailed(task, `delete index "${uid}"`)
      }
      this.schemas_.delete(uid)
      this.primaryKeys_.delete(uid)
      return { id: String(task.uid), index, status: "succeeded" }
    })
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    return await this.guard("list indexes", async () => {
      const [stats, indexes] = await Promise.all([this.client_.getStats(), this.allIndexes()])
      const prefix = this.options_.index_prefix
      return indexes
        .filter((index) => index.uid.startsWith(prefix))
        .map((index) => ({
          name: index.uid.slice(prefix.length),
          provider: MeilisearchSearchProvider.identifier,
          document_count: stats.indexes[index.uid]?.numberOfDocuments ?? 0,
          created_at: new Date(index.createdAt),
          updated_at: new Date(index.updatedAt),
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    })
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) {
      return { index, status: "succeeded" }
    }
    const uid = this.uidOf(index)
    // Schema comes from the definition, the destination from `index`: while a new version is seeded,
    // `index` is that version's physical index.
    const schema = buildIndexSchema(definition)
    this.remember(uid, schema)
    const prepared = documents.map((document) => prepareDocument(document, schema))

    // Enqueued (Meilisearch applies an index's tasks in the order they came) or failed, the consumer may hand over
    // the next event's documents (src/write-order.ts).
    return await this.guard(`write ${documents.length} document(s) to "${uid}"`, async () => {
      const enqueued = await this.client_.index(uid).addDocuments(prepared, { primaryKey: schema.primaryKey })
      return toSearchTask(enqueued, index)
    }).finally(() => reportWritten(documents))
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const uid = this.uidOf(index)
    const deleting = this.guard<SearchTypes.SearchTask>(`delete documents from "${uid}"`, async () => {
      const target = this.client_.index(uid)

      // Deleting by id is a filter on the primary key; Meilisearch deletes ids directly, without
      // evaluating a filter.
      const ids = extractPrimaryKeyFilter(filters, { primary_key: await this.primaryKeyOf(uid) })
      if (ids?.length === 0) {
        return { index, status: "succeeded" }
      }
      if (ids) {
        return toSearchTask(await target.deleteDocuments(ids), index)
      }

      const filter = translateFilters(filters, {
        schema: await this.filterSchemaOf(uid),
        containsFilter: this.options_.experimental_contains_filter,
      })
      if (!filter) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Deleting from search index "${index}" needs filters that constrain something; these select every document`
        )
      }
      return toSearchTask(await target.deleteDocuments({ filter }), index)
    })
    return await deleting.finally(() => reportWritten(filters))
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const uid = this.uidOf(index)
    return await this.guard(`clear index "${uid}"`, async () => toSearchTask(await this.client_.index(uid).deleteAllDocuments(), index))
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query, and every extra request a query needs (counts, range facets), in one multi-search. */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) {
      return []
    }

    const plans = inputs.map((input) => {
      const uid = this.uidOf(input.index.physical_name)
      const schema = buildIndexSchema(input.index)
      this.remember(uid, schema)
      return planSearch(input, schema, {
        indexUid: uid,
        maxTotalHits: this.options_.max_total_hits,
        maxValuesPerFacet: this.options_.max_values_per_facet,
        containsFilter: this.options_.experimental_contains_filter,
      })
    })

    const uids = [...new Set(plans.flatMap((plan) => plan.queries.map((query) => query.indexUid)))]
    return await this.guard(`search ${uids.map((uid) => `"${uid}"`).join(", ")}`, async () => {
      const queries = plans.flatMap((plan) => plan.queries)
      const [multi, facetResponses] = await Promise.all([
        this.client_.multiSearch({ queries }),
        Promise.all(
          plans.flatMap((plan) => plan.facetSearches).map(({ indexUid, params }) => this.client_.index(indexUid).searchForFacetValues(params))
        ),
      ])

      let queryOffset = 0
      let facetOffset = 0
      return plans.map((plan) => {
        const responses = multi.results.slice(queryOffset, queryOffset + plan.queries.length)
        const facets = facetResponses.slice(facetOffset, facetOffset + plan.facetSearches.length)
        queryOffset += plan.queries.length
        facetOffset += plan.facetSearches.length
        return plan.assemble(responses, facets)
      })
    })
  }

  /**
   * Waits for an enqueued write. A task that is still pending when the timeout runs out is an error: the
   * module would otherwise treat the write as applied and, during a seed, make a half-filled version live.
   */
  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    if (task.id === undefined || task.status === "succeeded" || task.status === "failed") {
      return task
    }
    const timeout = options?.timeout_ms ?? this.options_.task_timeout_ms
    return await this.guard(`wait for task ${task.id}`, async () => {
      const settled = await this.wait(Number(task.id), timeout)
      if (settled.status === "succeeded") {
        return { ...task, status: "succeeded" }
      }
      return {
        ...task,
        status: "failed",
        error: {
          message: settled.error?.message ?? `Meilisearch task ${settled.uid} was ${settled.status}`,
          code: settled.error?.code,
        },
      }
    })
  }

  /** The Meilisearch index uid of a physical index name. */
  protected uidOf(physicalName: string): string {
    const uid = `${this.options_.index_prefix}${physicalName}`
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(uid)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"${uid}" cannot be a Meilisearch index uid: use letters, digits, "-" and "_" in index names and the "index_prefix" option`
      )
    }
    return uid
  }

  protected remember(uid: string, schema: IndexSchema): void {
    this.schemas_.set(uid, schema)
    this.primaryKeys_.set(uid, schema.primaryKey)
  }

  protected async primaryKeyOf(uid: string): Promise<string> {
    const known = this.primaryKeys_.get(uid)
    if (known) {
      return known
    }
    const index = await this.client_.getRawIndex(uid)
    const primaryKey = index.primaryKey ?? "id"
    this.primaryKeys_.set(uid, primaryKey)
    return primaryKey
  }

  /**
   * The field types a delete filter is compiled with. A process that has not seen the index's definition
   * yet (deletes carry none) recovers the date fields from the filterable attributes, where each date has
   * its epoch copy; other fields are formatted from the filter values themselves.
   */
  protected async filterSchemaOf(uid: string): Promise<ReadonlyMap<string, FilterFieldInfo>> {
    const known = this.schemas_.get(uid)
    if (known) {
      return known.fields
    }
    const settings = await this.client_.index(uid).getSettings()
    const datePrefix = `${RESERVED_ATTRIBUTE}.date.`
    const fields = new Map<string, FilterFieldInfo>()
    for (const attribute of settings.filterableAttributes ?? []) {
      if (typeof attribute === "string" && attribute.startsWith(datePrefix)) {
        fields.set(attribute.slice(datePrefix.length), { type: "date", attribute })
      }
    }
    return fields
  }

  private async findIndex(uid: string): Promise<IndexObject | undefined> {
    try {
      return await this.client_.getRawIndex(uid)
    } catch (error) {
      const mapped = toMedusaError(error, `read index "${uid}"`)
      if (mapped instanceof MedusaError && mapped.type === MedusaError.Types.NOT_FOUND) {
        return undefined
      }
      throw mapped
    }
  }

  private async allIndexes(): Promise<IndexObject[]> {
    const indexes: IndexObject[] = []
    const limit = 100
    for (let offset = 0; ; offset += limit) {
      const page = await this.client_.getRawIndexes({ offset, limit })
      indexes.push(...page.results)
      if (page.results.length < limit || indexes.length >= page.total) {
        return indexes
      }
    }
  }

  /** Waits for a task to finish, whatever its outcome. */
  private async wait(task: EnqueuedTask | number, timeout = this.options_.task_timeout_ms): Promise<Task> {
    try {
      return await this.client_.tasks.waitForTask(task, {
        timeout,
        interval: this.options_.task_interval_ms,
      })
    } catch (error) {
      if (error instanceof Error && error.name === "MeiliSearchTaskTimeOutError") {
        const uid = typeof task === "number" ? task : task.taskUid
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `Meilisearch task ${uid} did not finish within ${timeout} ms; raise the provider option "task_timeout_ms" if the server is busy`
        )
      }
      throw error
    }
  }

  /** Waits for a task and throws unless it succeeded. */
  private async settle(enqueued: Promise<EnqueuedTask>, action: string): Promise<Task> {
    const task = await this.wait(await enqueued)
    if (task.status !== "succeeded") {
      throw taskFailed(task, action)
    }
    return task
  }

  private async guard<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw toMedusaError(error, action)
    }
  }
}

function toSearchTask(task: EnqueuedTask, index: string): SearchTypes.SearchTask {
  return { id: String(task.taskUid), index, status: toTaskStatus(task.status) }
}

function toTaskStatus(status: Task["status"]): SearchTypes.SearchTaskStatus {
  switch (status) {
    case "succeeded":
      return "succeeded"
    case "failed":
    case "canceled":
      return "failed"
    case "processing":
      return "processing"
    default:
      return "enqueued"
  }
}

function taskFailed(task: Task, action: string): MedusaError {
  const code = task.error?.code
  return new MedusaError(
    code === INDEX_NOT_FOUND ? MedusaError.Types.NOT_FOUND : MedusaError.Types.UNEXPECTED_STATE,
    `Meilisearch could not ${action}: ${task.error?.message ?? `task ${task.uid} was ${task.status}`}${code ? ` (${code})` : ""}`
  )
}

function parseOptions(options: unknown): ResolvedOptions {
  const parsed = meilisearchProviderOptionsSchema.safeParse(options ?? {})
  if (parsed.success) {
    return parsed.data
  }
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `option "${key}" is not recognised${suggestion(key)}`).join("; ")
    }
    const path = issue.path.join(".")
    return path ? `option "${path}" ${issue.message}` : issue.message
  })
  throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Invalid options for the Meilisearch search provider: ${problems.join("; ")}`)
}

/** Points at the documented spelling of a near-miss such as `api_key`. */
function suggestion(key: string): string {
  const normalise = (name: string) => name.toLowerCase().replace(/[_-]/g, "")
  const known = Object.keys(meilisearchProviderOptionsSchema.shape).find((name) => normalise(name) === normalise(key))
  return known ? ` (did you mean "${known}"?)` : ""
}

/** The module container is an Awilix proxy that throws on unknown keys; a logger is nice to have only. */
function resolveLogger(cradle: Record<string, unknown>): Logger | undefined {
  try {
    return (cradle?.logger as Logger | undefined) ?? undefined
  } catch {
    return undefined
  }
}
