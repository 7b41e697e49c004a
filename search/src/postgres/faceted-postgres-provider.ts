import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, extractPrimaryKeyFilter, MedusaError, projectDocument } from "@medusajs/framework/utils"
import { z } from "zod"
import { buildBatchStatement, type BatchMember } from "./batch-statement"
import { projectStoredDocument } from "./documents"
import { resolveFacetRequests } from "./facet-requests"
import { browseIndexName, buildDropFacetTableDdl, buildFacetTableDdl, facetTableName, listFacetColumns, type FacetColumn } from "./facet-table"
import { buildIndexPlan, CATALOG_TABLE, deserializePlan, documentTableName, serializePlan, type IndexPlan } from "./index-plan"
import { buildTextMatch } from "./text-match"
import { compileTypedFilters } from "./typed-filters"
import { reportWritten } from "../write-order"

// Documents written before the first ANALYZE of a facet table (then at every doubling).
const ANALYZE_FIRST_AT = 500
// Documents per multi-row INSERT: large enough to amortise a round trip, small enough for PostgreSQL's
// 65,535-parameter limit with room to spare (5 parameters per document plus one per weighted text).
const UPSERT_CHUNK = 200

/** A knex client or transaction: SQL with `?` placeholders whose values are sent beside it. */
type BoundSql = { raw: (sql: string, bindings: unknown[]) => PromiseLike<{ rows: any[] }> }

/**
 * MikroORM's entity manager as the Search Module hands it to providers: raw SQL with `?` placeholders, and the
 * knex client (or, inside `transactional`, the transaction) beneath it.
 */
type DbManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any>
  transactional?: <T>(run: (manager: DbManager) => Promise<T>) => Promise<T>
  getKnex: () => BoundSql
  getTransactionContext?: () => BoundSql | undefined
}

/**
 * Runs a statement with its values bound, sent beside the SQL: MikroORM's `execute` first formats every value into
 * the SQL text, which for a 200-document upsert (~2,400 values, the documents' JSON among them) was more than half
 * of the write (docs/benchmarks.md, session 16). On the manager's transaction when it has one.
 */
async function executeBound(manager: DbManager, sql: string, params: unknown[]): Promise<any[]> {
  const { rows } = await (manager.getTransactionContext?.() ?? manager.getKnex()).raw(sql, params)
  return rows
}
type Query = SearchTypes.ProviderSearchQuery
type Filters = Record<string, unknown>
type Catalog = { name: string; table_name: string; plan: IndexPlan; document_count: number }

export const postgresProviderOptionsSchema = z
  .object({
    /** The text search configuration is `medusa_search_<language>` (ours: `simple`, from this provider's Migration20261128150700). */
    language: z
      .string()
      .regex(/^[a-z0-9_]+$/i, "must be a text search configuration suffix such as simple or english")
      .default("english"),
    /**
     * A search asking for an estimated count (`search_options.count: "estimated"`, what the shop asks) reads at
     * most this many matches for its count and facets, like Meilisearch's `maxTotalHits` and Algolia's
     * non-exhaustive facet counts: past it the cost stops growing with the catalogue, and the counts are
     * estimates marked `provider_metadata.exhaustive: false` (`count_exhaustive` says whether the count itself is
     * exact: it is for a text in relevance order, which reads every match). Exact counts (`"exact"`) always read
     * every match.
     */
    max_scanned_matches: z.number().int().positive().default(1000),
  })
  .strict()

/**
 * Index settings a definition can carry under `settings.provider_options["ocop-postgres"]` (part of Medusa's
 * definition hash: changing them makes `db:migrate` build a new index version).
 */
export const postgresIndexOptionsSchema = z
  .object({
    /**
     * The filter every search of the store applies (e.g. published and promoted). Rows that pass it get a text
     * index of their own, which PostgreSQL picks for any search whose filters include it, so a search reads only
     * the rows it can return. Other searches use the index of every row.
     */
    text_index_filter: z.record(z.string(), z.unknown()).optional(),
    /**
     * The order a browse without text lists in (the shop: `{ created_at: "DESC" }`, newest first). The rows passing
     * `text_index_filter` get a b-tree index in that order, so such a page stops after its rows, and a bounded read
     * of a browse (an estimated count) walks that index and scales by its row count.
     */
    browse_order: z
      .record(z.string(), z.enum(["ASC", "DESC"]))
      .refine((order) => Object.keys(order).length > 0, "must name at least one field")
      .optional(),
  })
  .strict()

/** What a definition's provider options come to: the store filter as SQL and as conjuncts, the browse order. */
type IndexOptions = { textIndexWhere?: string; storeConjuncts: string[]; browseOrder?: string }

function fail(message: string, type: string = MedusaError.Types.NOT_ALLOWED): never {
  throw new MedusaError(type, message)
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Filters)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value)
}

/** The filter as a list of ANDed parts: top-level keys and `$and` members, flattened. */
export function listConjuncts(filters: Filters | undefined): Filters[] {
  return Object.entries(filters ?? {}).flatMap(([key, value]) =>
    key === "q" ? [] : key === "$and" ? ((value ?? []) as Filters[]).flatMap(listConjuncts) : [{ [key]: value }]
  )
}

/**
 * A PostgreSQL search provider for the Search Module, built on its public provider interface only. Documents are
 * stored as Medusa's own PostgreSQL provider stores them (catalogue `search_postgres_index`, one `search_pg_<index>`
 * table of document, typed leaves and weighted tsvector), so a database can move between the two; what it adds
 * is a narrow facet table per index (facet-table.ts, kept by triggers) that filters, facets, sorts and the text
 * match read. The text is matched and ranked once, and the page, the exact count and every facet come from
 * those rows in ONE statement, with documents fetched for the page only: about 150 ms for Medusa's provider on a
 * faceted search of 20,000 products, a fraction of that here. The Search Module asks for disjunctive facets as
 * extra queries with one filter relaxed: queries of one batch with the same text share that statement.
 *
 * Matching and ranking follow Medusa's provider (same text configuration, `ts_rank_cd` over per-field weighted
 * vectors, same match strategies), which integration-tests/http/search/postgres-provider.spec.ts checks answer
 * for answer. What the shop never asks for is refused rather than approximated, as the provider contract asks:
 * vectors, typo similarity, distinct, min_score, highlighting, locales, cursors and a subset of searchable fields.
 */
export class FacetedPostgresSearchProvider extends AbstractSearchProviderService {
  static identifier = "ocop-postgres"

  protected readonly manager_: DbManager
  protected readonly logger_?: Logger
  protected readonly tsConfig_: string
  protected readonly maxScanned_: number

  // Physical index names are versioned (a new definition gets a new name), so a plan read once stays right;
  // this process drops it whenever it rewrites or deletes an index itself.
  private readonly catalogs_ = new Map<string, Promise<Catalog>>()
  private readonly growth_ = new Map<string, { written: number; analyzedAt: number }>()
  private readonly indexOptions_ = new Map<string, IndexOptions>()

  constructor({ manager, logger }: { manager?: DbManager; logger?: Logger }, options?: unknown) {
    super()
    if (!manager?.execute || !manager.getKnex) {
      fail("The ocop-postgres search provider needs the Search Module's database manager", MedusaError.Types.INVALID_ARGUMENT)
    }
    const parsed = postgresProviderOptionsSchema.safeParse(options ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `option "${issue.path.join(".") || (issue as any).keys?.join(", ")}" ${issue.message}`)
      fail(`Invalid options for the ocop-postgres search provider: ${problems.join("; ")}`, MedusaError.Types.INVALID_ARGUMENT)
    }
    this.manager_ = manager
    this.logger_ = logger
    this.tsConfig_ = `medusa_search_${parsed.data.language}`
    this.maxScanned_ = parsed.data.max_scanned_matches
  }

  private async inTransaction<T>(run: (manager: DbManager) => Promise<T>): Promise<T> {
    return this.manager_.transactional ? await this.manager_.transactional(run) : await run(this.manager_)
  }

  private async readCatalog(name: string, manager: DbManager = this.manager_): Promise<Catalog | undefined> {
    const [row] = (await manager.execute(`SELECT "name", "table_name", "plan", "document_count" FROM "${CATALOG_TABLE}" WHERE "name" = ?`, [
      name,
    ])) as any[]
    return row && { name: row.name, table_name: row.table_name, plan: deserializePlan(row.plan), document_count: Number(row.document_count) }
  }

  private async retrieve(name: string): Promise<Catalog> {
    const catalog = await this.readCatalog(name)
    if (!catalog) {
      const known = (await this.listIndexes()).map((i) => i.name)
      fail(`The ocop-postgres search provider has no index "${name}". Known indexes: ${known.join(", ") || "(none)"}`, MedusaError.Types.NOT_FOUND)
    }
    return catalog
  }

  private retrieveCached(name: string) {
    let catalog = this.catalogs_.get(name)
    if (!catalog) {
      catalog = this.retrieve(name)
      this.catalogs_.set(name, catalog)
      catalog.catch(() => this.catalogs_.delete(name))
    }
    return catalog
  }

  /**
   * The document table (Medusa's provider's layout, so either provider can read it) and its facet table. The
   * document table gets no index of its own beyond the key: filters and the text match read the facet table,
   * and the jsonb and trigram indexes Medusa's provider builds (dropped here if it built them) cost 2.5 s of
   * every 20,000-document build for queries this provider does not run.
   */
  private async createTables(table: string, plan: IndexPlan, manager: DbManager, options: IndexOptions) {
    await manager.execute(`CREATE TABLE IF NOT EXISTS "${table}" (
      "id" text NOT NULL,
      "document" jsonb NOT NULL,
      "indexed" jsonb NOT NULL DEFAULT '{}'::jsonb,
      "search_vector" tsvector NOT NULL DEFAULT ''::tsvector,
      "search_text" text NOT NULL DEFAULT '',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "${table}_pkey" PRIMARY KEY ("id")
    )`)
    for (const suffix of ["fts_idx", "trgm_idx", "indexed_idx"]) await manager.execute(`DROP INDEX IF EXISTS "${table}_${suffix}"`)
    for (const statement of buildFacetTableDdl(table, plan, options.textIndexWhere, options.browseOrder)) await manager.execute(statement)
  }

  /**
   * The definition's store filter as an index predicate (literals) and as the conjuncts a search must carry to be
   * read through its indexes, and its browse order as SQL (the order a page in it is read in).
   */
  private compileIndexOptions(index: SearchTypes.ResolvedSearchIndexDefinition, plan: IndexPlan): IndexOptions {
    const parsed = postgresIndexOptionsSchema.safeParse(index.settings?.provider_options?.[FacetedPostgresSearchProvider.identifier] ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `"${issue.path.join(".") || (issue as any).keys?.join(", ")}" ${issue.message}`)
      fail(
        `Invalid settings.provider_options["ocop-postgres"] on search index "${index.name}": ${problems.join("; ")}`,
        MedusaError.Types.INVALID_DATA
      )
    }
    const { text_index_filter: filter, browse_order: order } = parsed.data
    const columns = new Map(listFacetColumns(plan).map((c) => [c.path, c]))
    return {
      textIndexWhere: filter ? compileTypedFilters(filter, [...columns.values()], { inline: true })?.sql : undefined,
      storeConjuncts: listConjuncts(filter).map(stableStringify),
      browseOrder:
        order &&
        this.resolveTypedOrder(
          { index, pagination: { order } } as Query,
          (path) =>
            columns.get(path) ??
            fail(`browse_order names "${path}", which is not sortable on search index "${index.name}"`, MedusaError.Types.INVALID_DATA),
          false
        ),
    }
  }

  /** compileIndexOptions, once per physical index (a new definition gets a new physical name). */
  private indexOptionsOf(index: SearchTypes.ResolvedSearchIndexDefinition, plan: IndexPlan): IndexOptions {
    let options = this.indexOptions_.get(index.physical_name)
    if (!options) {
      options = this.compileIndexOptions(index, plan)
      this.indexOptions_.set(index.physical_name, options)
    }
    return options
  }

  private async dropTables(table: string, manager: DbManager) {
    for (const statement of buildDropFacetTableDdl(table)) await manager.execute(statement)
    await manager.execute(`DROP TABLE IF EXISTS "${table}" CASCADE`)
  }

  /** Creates the index, or rebuilds it empty when its fields changed (the module reseeds it next). */
  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    this.catalogs_.delete(index.physical_name)
    const plan = buildIndexPlan(index, this.logger_)
    const table = documentTableName(index.physical_name)
    this.indexOptions_.delete(index.physical_name)
    const options = this.compileIndexOptions(index, plan)
    await this.inTransaction(async (manager) => {
      const existing = await this.readCatalog(index.physical_name, manager)
      const rebuilt = !!existing && existing.plan.schema_hash !== plan.schema_hash
      if (rebuilt || (existing && existing.table_name !== table)) await this.dropTables(existing.table_name, manager)
      await this.createTables(table, plan, manager, options)
      await manager.execute(
        `INSERT INTO "${CATALOG_TABLE}" ("name", "table_name", "schema_hash", "plan", "document_count") VALUES (?, ?, ?, ?::jsonb, 0)
         ON CONFLICT ("name") DO UPDATE SET "table_name" = EXCLUDED."table_name", "schema_hash" = EXCLUDED."schema_hash",
           "plan" = EXCLUDED."plan", "updated_at" = now()${rebuilt ? `, "document_count" = 0` : ""}`,
        [index.physical_name, table, plan.schema_hash, serializePlan(plan)]
      )
    })
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    this.catalogs_.delete(index)
    this.growth_.delete(index)
    this.indexOptions_.delete(index)
    const existing = await this.readCatalog(index)
    if (existing) {
      await this.inTransaction(async (manager) => {
        await this.dropTables(existing.table_name, manager)
        await manager.execute(`DELETE FROM "${CATALOG_TABLE}" WHERE "name" = ?`, [index])
      })
    }
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const rows = (await this.manager_.execute(
      `SELECT "name", "document_count", "created_at", "updated_at" FROM "${CATALOG_TABLE}" ORDER BY "name"`
    )) as any[]
    return rows.map((row) => ({
      name: row.name,
      provider: FacetedPostgresSearchProvider.identifier,
      document_count: Number(row.document_count),
      created_at: new Date(row.created_at),
      updated_at: new Date(row.updated_at),
    }))
  }

  private async adjustCount(index: string, delta: number, manager: DbManager) {
    if (!delta) return
    await manager.execute(
      `UPDATE "${CATALOG_TABLE}" SET "document_count" = GREATEST("document_count" + ?, 0), "updated_at" = now() WHERE "name" = ?`,
      [delta, index]
    )
  }

  /**
   * Writes documents (a later one wins over an earlier one with the same key) in multi-row upserts, one
   * transaction; the facet table follows through its triggers. The text vector is built per searchable field
   * and weighted, then concatenated in field order, the way ranking expects it.
   */
  async upsertDocuments({
    index,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    // Written or failed, the consumer may hand over the next event's documents (src/write-order.ts).
    const count = await this.writeDocuments(index, documents).finally(() => reportWritten(documents))
    await this.analyzeAfterGrowth(index, count)
    return { index, status: "succeeded" }
  }

  private async writeDocuments(index: string, documents: SearchTypes.SearchDocument[]) {
    const catalog = await this.retrieveCached(index)
    const byId = new Map(documents.map((document) => projectStoredDocument(document, catalog.plan)).map((stored) => [stored.id, stored]))
    const rows = [...byId.values()]
    await this.inTransaction(async (manager) => {
      let inserted = 0
      for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
        const params: unknown[] = []
        const values = rows.slice(start, start + UPSERT_CHUNK).map((row) => {
          params.push(row.id, JSON.stringify(row.document), JSON.stringify(row.indexed))
          const vector = row.texts.length
            ? row.texts.map(({ text, weight }) => (params.push(text), `setweight(to_tsvector('${this.tsConfig_}', ?), '${weight}')`)).join(" || ")
            : `''::tsvector`
          params.push(row.texts.map((t) => t.text).join(" "))
          return `(?, ?::jsonb, ?::jsonb, ${vector}, ?)`
        })
        const written = (await executeBound(
          manager,
          `INSERT INTO "${catalog.table_name}" ("id", "document", "indexed", "search_vector", "search_text") VALUES ${values.join(", ")}
           ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document", "indexed" = EXCLUDED."indexed",
             "search_vector" = EXCLUDED."search_vector", "search_text" = EXCLUDED."search_text", "updated_at" = now()
           RETURNING (xmax = 0) AS "inserted"`,
          params
        )) as { inserted: boolean }[]
        inserted += written.filter((row) => row.inserted).length
      }
      await this.adjustCount(index, inserted, manager)
    })
    return rows.length
  }

  /** Deletes by key, or by any filter this provider can search with (read from the facet table). */
  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    await this.removeDocuments(index, filters).finally(() => reportWritten(filters))
    return { index, status: "succeeded" }
  }

  private async removeDocuments(index: string, filters: SearchTypes.SearchDeleteDocumentsInput["filters"]) {
    const catalog = await this.retrieveCached(index)
    await this.inTransaction(async (manager) => {
      const ids = extractPrimaryKeyFilter(filters, catalog.plan)
      let deleted: unknown[] = []
      if (ids) {
        if (ids.length) {
          // One `?` per id: MikroORM inlines a bound array into invalid SQL.
          deleted = await manager.execute(`DELETE FROM "${catalog.table_name}" WHERE "id" IN (${ids.map(() => "?").join(", ")}) RETURNING "id"`, ids)
        }
      } else {
        const where = compileTypedFilters(filters as Filters, listFacetColumns(catalog.plan))
        if (where) {
          deleted = await manager.execute(
            `DELETE FROM "${catalog.table_name}" WHERE "id" IN (SELECT "id" FROM "${facetTableName(catalog.table_name)}" WHERE ${where.sql}) RETURNING "id"`,
            where.params
          )
        }
      }
      await this.adjustCount(index, -deleted.length, manager)
    })
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const catalog = await this.retrieveCached(index)
    await this.inTransaction(async (manager) => {
      await manager.execute(`TRUNCATE TABLE "${catalog.table_name}"`)
      await manager.execute(`UPDATE "${CATALOG_TABLE}" SET "document_count" = 0, "updated_at" = now() WHERE "name" = ?`, [index])
    })
    return { index, status: "succeeded" }
  }

  /**
   * Statistics for the facet table each time this process has doubled what it wrote there (500, 1,000, 2,000 …
   * documents: six ANALYZEs in a 20,000-document build). The planner reads them to size the match and the
   * grouping; a fresh index without them answered a quarter slower. PostgreSQL's autovacuum would catch up
   * eventually, but it is off on some machines (ours included) and an index build is when it matters.
   */
  private async analyzeAfterGrowth(index: string, written: number) {
    const growth = this.growth_.get(index) ?? { written: 0, analyzedAt: 0 }
    growth.written += written
    this.growth_.set(index, growth)
    if (growth.written < Math.max(ANALYZE_FIRST_AT, 2 * growth.analyzedAt)) return
    growth.analyzedAt = growth.written
    const catalog = await this.retrieveCached(index)
    await this.manager_.execute(`ANALYZE "${facetTableName(catalog.table_name)}"`)
  }

  /** Refuses what this provider cannot answer exactly (the contract: throw rather than answer differently). */
  private assertSupported(input: Query, plan: IndexPlan) {
    const options = input.search_options ?? {}
    const refuse = (what: string) => fail(`The ocop-postgres search provider does not support ${what}`)
    if (options.vector) refuse("vector search (search_options.vector)")
    if (options.typo_tolerance) refuse("typo similarity (search_options.typo_tolerance); correct the query against the catalogue's words instead")
    if (options.distinct) refuse("search_options.distinct")
    if (options.min_score !== undefined) refuse("search_options.min_score")
    if (options.highlight && input.q?.trim()) refuse("highlighting")
    if (options.locales?.length) refuse("query-time locales; configure `language` on the provider options instead")
    if (input.pagination?.cursor !== undefined) refuse("cursor pagination")
    const searchOn = options.attributes_to_search_on
    if (searchOn?.length) {
      const unknown = searchOn.find((path) => !plan.searchable.includes(path))
      if (unknown) fail(`Field "${unknown}" is not searchable on search index "${input.index.name}"`, MedusaError.Types.INVALID_DATA)
      if (plan.searchable.some((path) => !searchOn.includes(path)))
        refuse("searching a subset of the searchable fields (search_options.attributes_to_search_on)")
    }
  }

  async search(input: Query): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  async searchMany(inputs: Query[]): Promise<SearchTypes.SearchResult[]> {
    const results = new Array<Promise<SearchTypes.SearchResult>>(inputs.length)
    const groups = new Map<string, number[]>()
    inputs.forEach((input, i) => {
      const key = stableStringify([input.index.physical_name, input.q?.trim() || null, input.search_options?.match_strategy ?? null])
      groups.set(key, [...(groups.get(key) ?? []), i])
    })
    for (const positions of groups.values()) {
      const batch = this.searchTogether(positions.map((i) => inputs[i]))
      positions.forEach((i, n) => (results[i] = batch.then((answers) => answers[n])))
    }
    return await Promise.all(results)
  }

  /** Queries with the same index and text, answered by one statement (batch-statement.ts). */
  private async searchTogether(inputs: Query[]): Promise<SearchTypes.SearchResult[]> {
    const started = Date.now()
    const first = inputs[0]
    const catalog = await this.retrieveCached(first.index.physical_name)
    const plan = catalog.plan
    for (const input of inputs) this.assertSupported(input, plan)
    const q = first.q?.trim() || undefined
    if (q && !plan.searchable.length) {
      fail(`Search index "${first.index.name}" has no searchable fields, so it cannot be queried by text`, MedusaError.Types.INVALID_DATA)
    }
    const text = q ? buildTextMatch(this.tsConfig_, q, first.search_options?.match_strategy) : undefined
    const columns = listFacetColumns(plan)
    const byPath = new Map(columns.map((c) => [c.path, c]))

    // Filters every query of the batch has (status, sales channel, …) narrow the match; the rest become flags.
    const conjuncts = inputs.map((input) => listConjuncts(input.filters as Filters | undefined))
    const commonKeys = conjuncts
      .map((parts) => new Set(parts.map(stableStringify)))
      .reduce((shared, keys) => new Set([...shared].filter((k) => keys.has(k))))
    const members: BatchMember[] = inputs.map((input, i) => ({
      input,
      rest: conjuncts[i].filter((part) => !commonKeys.has(stableStringify(part))),
      facets: resolveFacetRequests(input.search_options?.facets, plan),
    }))
    const sortColumn = (path: string, input: Query) =>
      byPath.get(path) ??
      (() => {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field "${path}" cannot be sorted on search index "${input.index.name}"`)
      })()
    const bounded =
      inputs.some((input) => input.search_options?.count === "estimated") &&
      inputs.every(
        (input) =>
          input.search_options?.count !== "exact" &&
          input.search_options?.count !== undefined &&
          (input.pagination?.skip ?? 0) + (input.pagination?.take ?? 20) <= this.maxScanned_
      )
    const rankedOnly =
      Boolean(q) &&
      inputs.every((input) => (input.pagination?.take ?? 20) === 0 || Object.keys(input.pagination?.order ?? {}).every((path) => path === "_score"))
    const shared = conjuncts[0].filter((part) => commonKeys.has(stableStringify(part)))
    // A bounded browse carrying the store filter walks the browse index (the rows it holds, newest first) for its
    // facets and count; PostgreSQL uses it only when the statement implies the index's predicate.
    const options = this.indexOptionsOf(first.index, plan)
    const browse =
      !q && bounded && options.browseOrder && options.storeConjuncts.every((part) => commonKeys.has(part))
        ? { where: options.textIndexWhere ?? "TRUE", order: options.browseOrder, index: browseIndexName(catalog.table_name) }
        : undefined
    const statement = buildBatchStatement({
      facetTable: facetTableName(catalog.table_name),
      documentTable: catalog.table_name,
      columns,
      members,
      text,
      shared,
      browse,
      order: ({ input }) => this.resolveTypedOrder(input, (path) => sortColumn(path, input), !!q),
      // Bounded only when the batch asks for an estimated count and nothing exact (the module's relaxed-filter
      // facet queries ask for no count), and every page lies within the bound. A text whose pages are all in
      // relevance order reads every match to rank it anyway: it bounds only what facets count.
      ...(bounded ? (rankedOnly ? { facetLimit: this.maxScanned_ } : { scanLimit: this.maxScanned_ }) : {}),
    })
    const [row] = (await this.manager_.execute(statement.sql, statement.params)) as Record<string, any>[]

    return statement.read(row).map((answer, i) => {
      const input = inputs[i]
      const options = input.search_options ?? {}
      return {
        hits: answer.hits.map((hit) => ({
          id: hit.id,
          score: options.include_score ? Number(hit.score) : undefined,
          document: projectDocument(hit.document, input.attributes_to_retrieve),
        })),
        facets: answer.facets,
        metadata: {
          skip: input.pagination?.skip ?? 0,
          take: input.pagination?.take ?? 20,
          count: answer.count,
          query: input.q,
          processing_time_ms: Date.now() - started,
        },
        // Whether the count and facet counts are exact (every match read) or estimates (max_scanned_matches).
        provider_metadata: { exhaustive: answer.exhaustive, count_exhaustive: answer.countExhaustive },
      }
    })
  }

  /** Medusa's provider's order (score, then the requested fields, nulls last) over typed columns; ties by id. */
  private resolveTypedOrder(input: Query, column: (path: string) => FacetColumn, hasScore: boolean) {
    const order = Object.entries(input.pagination?.order ?? {})
    if (!order.length) return hasScore ? `score DESC NULLS LAST, "id" ASC` : `"id" ASC`
    const clauses = order.map(([path, direction]) => {
      const dir = direction === "ASC" ? "ASC" : "DESC"
      if (path === "_score") return `score ${dir} NULLS LAST`
      const found = column(path)
      if (found.planned.is_array) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The ocop-postgres search provider cannot sort by "${path}"`)
      }
      return `"${found.name}" ${dir} NULLS LAST`
    })
    return `${clauses.join(", ")}, "id" ASC`
  }
}
