import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { assertQuerySupported, normalizeFacetRequests, projectDocument, type IndexPlan } from "@medusajs/search-postgres/dist/utils"
import { buildBatchStatement, type BatchMember } from "./batch-statement"
import { buildDropFacetTableDdl, buildFacetTableDdl, facetTableName, listFacetColumns, type FacetColumn } from "./facet-table"

// Documents written before the first ANALYZE of a facet table (then at every doubling).
const ANALYZE_FIRST_AT = 500

type DbManager = { execute: (sql: string, params?: unknown[]) => Promise<any> }
type Query = SearchTypes.ProviderSearchQuery
type Filters = Record<string, unknown>

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableStringify((value as Filters)[k])}`).join(",")}}`
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
 * Medusa's PostgreSQL search provider with a fast read for keyword searches and browsing. The stock provider
 * sends the hits, the exact count and each facet as separate statements that each match the text and filters
 * again and read values out of every matched row's jsonb in a table of 2 kB rows: about 150 ms for a faceted
 * search of 20,000 products. Here filters, facets and sorts read typed columns of a narrow facet table
 * (facet-table.ts, kept by triggers); the text is matched and ranked once, and the page, the count and every
 * facet come from those rows in ONE statement, with documents fetched for the page only. The Search Module
 * asks for disjunctive facets as extra queries with one filter relaxed: queries of one batch with the same text
 * share that statement, the filters they have in common applied while matching. Matching and ranking are the
 * stock provider's own SQL (same text configuration, same `ts_rank_cd`), so answers are the same; what it does
 * not cover (vectors, typo similarity, distinct, min_score, a subset of searchable fields) goes to the stock
 * implementation.
 */
export class FacetedPostgresSearchProvider extends PostgresSearchService {
  static identifier = "ocop-postgres"

  // Physical index names are versioned (a new definition gets a new name), so a plan read once stays right;
  // this process drops it whenever it rewrites or deletes an index itself.
  private readonly catalogs_ = new Map<string, ReturnType<PostgresSearchService["retrieve"]>>()
  private readonly growth_ = new Map<string, { written: number; analyzedAt: number }>()

  protected async createDocumentTable(table: string, plan: IndexPlan, manager: DbManager): Promise<void> {
    await super.createDocumentTable(table, plan, manager as any)
    // Filters read the facet table, so the document table's jsonb index would only serve the stock path, and
    // its trigram index only the stock typo mode (which the shop does not use: typos are corrected against the
    // catalogue's words). Keeping both cost 2.5 s of every 20,000-document build; those rare queries scan.
    await manager.execute(`DROP INDEX IF EXISTS "${table}_trgm_idx"`)
    await manager.execute(`DROP INDEX IF EXISTS "${table}_indexed_idx"`)
    for (const statement of buildFacetTableDdl(table, plan)) await manager.execute(statement)
  }

  protected async dropDocumentTable(table: string, manager: DbManager): Promise<void> {
    for (const statement of buildDropFacetTableDdl(table)) await manager.execute(statement)
    await super.dropDocumentTable(table, manager as any)
  }

  async upsertIndex(input: Parameters<PostgresSearchService["upsertIndex"]>[0]) {
    this.catalogs_.delete(input.index.physical_name)
    return await super.upsertIndex(input)
  }

  async upsertDocuments(input: Parameters<PostgresSearchService["upsertDocuments"]>[0]) {
    const task = await super.upsertDocuments(input)
    await this.analyzeAfterGrowth(input.index, input.documents.length)
    return task
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

  async deleteIndex(input: Parameters<PostgresSearchService["deleteIndex"]>[0]) {
    this.catalogs_.delete(input.index)
    this.growth_.delete(input.index)
    return await super.deleteIndex(input)
  }

  async search(input: Query): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  async searchMany(inputs: Query[]): Promise<SearchTypes.SearchResult[]> {
    const results = new Array<Promise<SearchTypes.SearchResult>>(inputs.length)
    const groups = new Map<string, number[]>()
    inputs.forEach((input, i) => {
      if (this.needsStockPath(input)) {
        results[i] = super.search(input)
        return
      }
      const key = stableStringify([input.index.physical_name, input.q?.trim() || null, input.search_options?.match_strategy ?? null])
      groups.set(key, [...(groups.get(key) ?? []), i])
    })
    for (const positions of groups.values()) {
      const batch = this.searchTogether(positions.map((i) => inputs[i]))
      positions.forEach((i, n) => (results[i] = batch.then((answers) => answers[n])))
    }
    return await Promise.all(results)
  }

  private needsStockPath(input: Query) {
    const options = input.search_options ?? {}
    return Boolean(
      this.isLakebase_ ||
        options.vector ||
        options.typo_tolerance ||
        options.distinct ||
        input.index.settings.distinct_attribute ||
        options.min_score !== undefined ||
        options.attributes_to_search_on?.length
    )
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

  /** Queries with the same index and text, answered by one statement (batch-statement.ts). */
  private async searchTogether(inputs: Query[]): Promise<SearchTypes.SearchResult[]> {
    const started = Date.now()
    for (const input of inputs) assertQuerySupported(input, this.engine_)
    const first = inputs[0]
    const catalog = await this.retrieveCached(first.index.physical_name)
    const plan = catalog.plan
    const fragments = this.keywordFragments({ query: first, catalog })
    if (fragments.q && !plan.searchable.length) return await Promise.all(inputs.map((input) => super.search(input)))
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
      facets: normalizeFacetRequests(input.search_options?.facets, plan),
    }))
    const sortColumn = (path: string, input: Query) =>
      byPath.get(path) ??
      (() => {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field "${path}" cannot be sorted on search index "${input.index.name}"`)
      })()
    const statement = buildBatchStatement({
      facetTable: facetTableName(catalog.table_name),
      documentTable: catalog.table_name,
      columns,
      members,
      text: fragments.matchSql ? { match: fragments.matchSql, rank: fragments.rankSql } : undefined,
      shared: conjuncts[0].filter((part) => commonKeys.has(stableStringify(part))),
      order: ({ input }) => this.resolveTypedOrder(input, (path) => sortColumn(path, input), !!fragments.q),
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
      }
    })
  }

  /** The stock provider's order (score, then the requested fields, nulls last) over typed columns; ties by id. */
  private resolveTypedOrder(input: Query, column: (path: string) => FacetColumn, hasScore: boolean) {
    const order = Object.entries(input.pagination?.order ?? {})
    if (!order.length) return hasScore ? `score DESC NULLS LAST, "id" ASC` : `"id" ASC`
    const clauses = order.map(([path, direction]) => {
      const dir = direction === "ASC" ? "ASC" : "DESC"
      if (path === "_score") return `score ${dir} NULLS LAST`
      const found = column(path)
      if (found.planned.is_array) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The postgres search provider cannot sort by "${path}"`)
      }
      return `"${found.name}" ${dir} NULLS LAST`
    })
    return `${clauses.join(", ")}, "id" ASC`
  }
}
