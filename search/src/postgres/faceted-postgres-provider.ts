import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import {
  assertQuerySupported,
  mapFacetResult,
  normalizeFacetRequests,
  projectDocument,
  type IndexPlan,
  type NormalizedFacetRequest,
} from "@medusajs/search-postgres/dist/utils"
import { buildDropFacetTableDdl, buildFacetTableDdl, facetTableName, listFacetColumns, type FacetColumn } from "./facet-table"
import { compileTypedFilters, type SqlFragment } from "./typed-filters"

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

/** Every field a filter reads, inside `$and`/`$or`/`$not` too. */
export function listFilterPaths(filters: Filters | undefined): string[] {
  return Object.entries(filters ?? {}).flatMap(([key, value]) =>
    key === "$and" || key === "$or"
      ? ((value ?? []) as Filters[]).flatMap(listFilterPaths)
      : key === "$not"
        ? listFilterPaths(value as Filters)
        : key === "q"
          ? []
          : [key]
  )
}

/** One facet as a sub-select over the matched rows (`from`), returning the rows `mapFacetResult` expects. */
function buildFacetSql(request: NormalizedFacetRequest, column: FacetColumn, from: string): SqlFragment {
  const col = `"${column.name}"`
  if (request.type === "stats") {
    return { sql: `SELECT MIN(${col}) AS min, MAX(${col}) AS max, AVG(${col}) AS avg, SUM(${col}) AS sum, COUNT(*)::int AS count FROM ${from}`, params: [] }
  }
  if (request.type === "range") {
    const params: unknown[] = []
    const selects = (request.ranges ?? []).map((range, i) => {
      const conditions: string[] = []
      if (range.from !== undefined) {
        conditions.push(`${col} >= ?`)
        params.push(range.from)
      }
      if (range.to !== undefined) {
        conditions.push(`${col} < ?`)
        params.push(range.to)
      }
      return `COUNT(*) FILTER (WHERE ${conditions.join(" AND ") || "TRUE"})::int AS r${i}`
    })
    return { sql: `SELECT ${selects.join(", ")} FROM ${from}`, params }
  }
  // Values as text, like the stock provider's `indexed->>field`, so numbers read "4" and booleans "true".
  const params: unknown[] = []
  const source = column.planned.is_array ? `${from}, unnest(${col}) AS v(value)` : `(SELECT ${col}::text AS value FROM ${from}) v`
  const prefix = request.query ? (params.push(`${request.query}%`), `AND value LIKE ?`) : ""
  params.push(request.limit ?? 10)
  const order = request.sort === "alpha" ? "value ASC" : "count DESC, value ASC"
  return {
    sql: `SELECT value::text AS value, COUNT(*)::int AS count FROM ${source} WHERE value IS NOT NULL ${prefix} GROUP BY 1 ORDER BY ${order} LIMIT ?`,
    params,
  }
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

  protected async createDocumentTable(table: string, plan: IndexPlan, manager: DbManager): Promise<void> {
    await super.createDocumentTable(table, plan, manager as any)
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

  async deleteIndex(input: Parameters<PostgresSearchService["deleteIndex"]>[0]) {
    this.catalogs_.delete(input.index)
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

  /** Queries with the same index and text, answered by one statement. */
  private async searchTogether(inputs: Query[]): Promise<SearchTypes.SearchResult[]> {
    const started = Date.now()
    for (const input of inputs) assertQuerySupported(input, this.engine_)
    const first = inputs[0]
    const catalog = await this.retrieveCached(first.index.physical_name)
    const plan = catalog.plan
    const fragments = this.keywordFragments({ query: first, catalog })
    if (fragments.q && !plan.searchable.length) return await Promise.all(inputs.map((input) => super.search(input)))
    const columnList = listFacetColumns(plan)
    const columns = new Map(columnList.map((c) => [c.path, c]))
    const column = (path: string, input: Query) => {
      const found = columns.get(path)
      if (!found) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field "${path}" cannot be filtered, sorted or faceted on search index "${input.index.name}"`)
      }
      return found
    }

    const conjuncts = inputs.map((input) => listConjuncts(input.filters as Filters | undefined))
    const commonKeys = conjuncts
      .map((parts) => new Set(parts.map(stableStringify)))
      .reduce((shared, keys) => new Set([...shared].filter((k) => keys.has(k))))
    const common = conjuncts[0].filter((part) => commonKeys.has(stableStringify(part)))
    const rests = conjuncts.map((parts) => parts.filter((part) => !commonKeys.has(stableStringify(part))))
    const facetsOf = inputs.map((input) => normalizeFacetRequests(input.search_options?.facets, plan))
    const ordersOf = inputs.map((input) => Object.keys(input.pagination?.order ?? {}).filter((k) => k !== "_score"))
    const carried = new Set([...facetsOf.flat().map((f) => f.field), ...ordersOf.flat(), ...rests.flat().flatMap(listFilterPaths)])
    const carriedSql = [...carried].map((path) => `, "${column(path, first).name}"`).join("")

    const params: unknown[] = []
    // Ranking reads each row's tsvector: done only for queries that want a page, over their own matches (the
    // relaxed-filter facet queries of a batch match more rows and need no order).
    const ranked = !!fragments.q && inputs.some((input) => (input.pagination?.take ?? 20) > 0)
    const conditions: string[] = []
    if (fragments.matchSql) conditions.push(fragments.matchSql(params))
    const commonWhere = compileTypedFilters({ $and: common }, columnList)
    if (commonWhere) {
      conditions.push(`(${commonWhere.sql})`)
      params.push(...commonWhere.params)
    }
    const ctes = [
      `candidates AS MATERIALIZED (
        SELECT "id"${ranked ? `, "search_vector"` : ""}${carriedSql}
        FROM "${facetTableName(catalog.table_name)}"
        ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
      )`,
    ]
    const sources = rests.map((rest, i) => {
      const where = compileTypedFilters({ $and: rest }, columnList)
      if (!where) return "candidates"
      ctes.push(`matched_${i} AS MATERIALIZED (SELECT * FROM candidates WHERE ${where.sql})`)
      params.push(...where.params)
      return `matched_${i}`
    })

    const selects: string[] = []
    inputs.forEach((input, i) => {
      const from = sources[i]
      const take = input.pagination?.take ?? 20
      if (take > 0) {
        const orderSql = this.resolveTypedOrder(input, (path) => column(path, input), !!fragments.q)
        const document = this.buildDocumentSql(catalog.table_name, input.attributes_to_retrieve, params)
        const score = ranked ? fragments.rankSql(params) : "0::float4"
        selects.push(`(
          SELECT coalesce(jsonb_agg(jsonb_build_object('id', page."id", 'score', page.score, 'document', ${document}) ORDER BY page.ord), '[]'::jsonb)
          FROM (
            SELECT "id", score, row_number() OVER () AS ord
            FROM (SELECT *, ${score} AS score FROM ${from} ORDER BY ${orderSql} LIMIT ? OFFSET ?) ordered
          ) page
        ) AS hits_${i}`)
        params.push(take, input.pagination?.skip ?? 0)
      }
      if (input.search_options?.count !== "none") selects.push(`(SELECT count(*)::int FROM ${from}) AS count_${i}`)
      facetsOf[i].forEach((request, j) => {
        const facet = buildFacetSql(request, column(request.field, input), from)
        selects.push(`(SELECT coalesce(jsonb_agg(f), '[]'::jsonb) FROM (${facet.sql}) f) AS facet_${i}_${j}`)
        params.push(...facet.params)
      })
    })
    const sql = `WITH ${ctes.join(",\n")} SELECT ${selects.length ? selects.join(",\n") : "1"}`
    const [row] = (await this.manager_.execute(sql, params)) as Record<string, any>[]

    return inputs.map((input, i) => {
      const options = input.search_options ?? {}
      const hits = (row[`hits_${i}`] ?? []) as { id: string; score: number | null; document: Record<string, unknown> }[]
      return {
        hits: hits.map((hit) => ({
          id: hit.id,
          score: options.include_score ? Number(hit.score) : undefined,
          document: projectDocument(hit.document, input.attributes_to_retrieve),
        })),
        facets: facetsOf[i].length
          ? Object.fromEntries(facetsOf[i].map((request, j) => [request.field, mapFacetResult(request, row[`facet_${i}_${j}`] ?? [])]))
          : undefined,
        metadata: {
          skip: input.pagination?.skip ?? 0,
          take: input.pagination?.take ?? 20,
          count: options.count === "none" ? null : Number(row[`count_${i}`]),
          query: input.q,
          processing_time_ms: Date.now() - started,
        },
      }
    })
  }

  /**
   * The page's document, cut down in SQL to the top-level keys asked for (a search card needs a tenth of a
   * product document); `projectDocument` then applies the exact paths.
   */
  private buildDocumentSql(table: string, attributes: string[] | undefined, params: unknown[]) {
    const lookup = (expr: string) => `(SELECT ${expr} FROM "${table}" d WHERE d."id" = page."id")`
    const keys = [...new Set((attributes ?? []).map((path) => path.split(".")[0]))]
    if (!keys.length) return lookup(`d."document"`)
    params.push(...keys)
    return lookup(`(SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(d."document") e WHERE e.key IN (${keys.map(() => "?").join(", ")}))`)
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
