import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { buildFacetResult, type FacetRequest } from "./facet-requests"
import type { FacetColumn } from "./facet-table"
import { compileTypedFilters, type SqlFragment } from "./typed-filters"

type Query = SearchTypes.ProviderSearchQuery
type Filters = Record<string, unknown>

/** One query of a batch: its own filters (beyond those the batch shares), facets and page. */
export type BatchMember = {
  input: Query
  rest: Filters[]
  facets: FacetRequest[]
}

export type BatchStatement = {
  sql: string
  params: unknown[]
  /** Each member's page (ids, scores, documents), count and facets, read from the statement's one row. */
  read: (row: Record<string, any>) => BatchAnswer[]
}

export type BatchAnswer = {
  hits: { id: string; score: number | null; document: Record<string, unknown> }[]
  count: number | null
  facets: Record<string, SearchTypes.SearchFacetResult> | undefined
  /**
   * False when more than `scanLimit` or `facetLimit` rows matched: the facet counts are estimates (see below), and
   * so is the count after a `scanLimit` (after a `facetLimit` it is exact).
   */
  exhaustive: boolean
  /** Whether the count is exact: always but after a `scanLimit` that was reached. */
  countExhaustive: boolean
}

/**
 * An estimate from the first rows of a scan in table order: `seen` rows counted over `blocks` pages of the
 * table's `pages` pages, scaled to the whole table and rounded to two significant digits (12,345 → 12,000), so
 * nobody reads it as exact. Never below what was seen.
 */
export function estimateTotal(seen: number, blocks: number, pages: number): number {
  return scaleEstimate(seen, Math.max(pages, blocks) / Math.max(1, blocks))
}

/** `counted` scaled by `factor`, rounded to two significant digits (never below what was counted). */
export function scaleEstimate(counted: number, factor: number): number {
  if (!counted) return 0
  const scaled = counted * factor
  if (!(scaled > 0)) return counted
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(scaled)) - 1)
  return Math.max(counted, Math.round(scaled / unit) * unit)
}

/** SQL text with its `?` parameters in the order they appear. */
class SqlBuilder {
  readonly params: unknown[] = []
  bind(value: unknown) {
    this.params.push(value)
    return "?"
  }
  embed(fragment: SqlFragment) {
    this.params.push(...fragment.params)
    return fragment.sql
  }
}

/**
 * One statement answering every query of a batch (same index, same text): the text and the shared filters match
 * the facet table once into a small materialised set `m` holding, per row, only the id, a flag per member saying
 * whether its own filters hold, the columns facets and sorts read, and the text rank (computed only for rows some
 * page reads from m). From `m`, per member and over its own rows only: the page; ALL scalar facets, the count,
 * price stats and ranges in one grouping-sets pass; one unnest pass per list field. Each row is hashed once per
 * facet it counts in (the first version of this provider scanned the matches once per facet).
 */
export function buildBatchStatement(input: {
  facetTable: string
  documentTable: string
  columns: FacetColumn[]
  members: BatchMember[]
  /** The text match (`search_vector @@ …`) and the rank expression, or nothing when browsing without text. */
  text?: { match: (params: unknown[]) => string; rank: (params: unknown[]) => string }
  shared: Filters[]
  order: (member: BatchMember) => string
  /**
   * At most this many matching rows are read, in table order, for counts and facets; a page (in relevance or a
   * stored order) is still read over every match once the limit is reached. Beyond it counts are estimated
   * (`estimateTotal`). Without it every match is read.
   */
  scanLimit?: number
  /**
   * Instead of `scanLimit`, for a text whose pages are all in relevance order (they rank every match anyway):
   * every match is read and ranked once into `m`, counted exactly, and facets count only the first `facetLimit`
   * rows of it, scaled to each member's exact count beyond. A bounded scan would read the first rows twice.
   */
  facetLimit?: number
  /**
   * With a scan limit and no text, when the shared filters include the index's store filter: the store's rows in
   * browse order (`where` the browse index's predicate, `order` its order, `index` its name). The bounded read then
   * walks them newest first through that index, numbering every row it passes, and its estimate scales by the
   * index's row count over the rows walked, which holds whatever order the read takes (table pages do not).
   */
  browse?: { where: string; order: string; index: string }
}): BatchStatement {
  const { columns, members, text, scanLimit, facetLimit } = input
  const browse = scanLimit !== undefined && !text ? input.browse : undefined
  if (scanLimit !== undefined && facetLimit !== undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "A batch statement takes a scan limit or a facet limit, not both")
  }
  const byPath = new Map(columns.map((c) => [c.path, c]))
  const column = (path: string, member: BatchMember) =>
    byPath.get(path) ??
    (() => {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Field "${path}" cannot be filtered, sorted or faceted on search index "${member.input.index.name}"`
      )
    })()
  const q = new SqlBuilder()

  // A member's flag is a column of `m` when it has filters of its own; otherwise every row is its row.
  const flags = members.map((member) => compileTypedFilters({ $and: member.rest }, columns))
  const flag = (i: number) => (flags[i] ? `"r${i}"` : "TRUE")
  const wantsPage = (member: BatchMember) => (member.input.pagination?.take ?? 20) > 0
  const pageMembers = members.map((m, i) => [m, i] as const).filter(([m]) => wantsPage(m))
  const ranked = Boolean(text) && pageMembers.length > 0

  const carried = new Set<string>()
  members.forEach((member) => {
    member.facets.forEach((f) => carried.add(column(f.field, member).name))
    if (wantsPage(member)) {
      Object.keys(member.input.pagination?.order ?? {})
        .filter((path) => path !== "_score")
        .forEach((path) => carried.add(column(path, member).name))
    }
  })

  // A page in a stored order (price, newest, …) must be right over every match, not the first rows read.
  const pageOverAll = (member: BatchMember) =>
    scanLimit !== undefined && (!text || Object.keys(member.input.pagination?.order ?? {}).some((path) => path !== "_score"))
  // Pages that read their rows from m (with a scan limit: relevance pages, while m holds every match).
  const pagesFromM = pageMembers.filter(([member]) => !pageOverAll(member))
  // Only where some page can show the row: a filter of the main query often keeps a tenth of the matches.
  const forPagesFromM = (expression: string, name: string) =>
    pagesFromM.every(([, i]) => flags[i])
      ? `CASE WHEN ${pagesFromM.map(([, i]) => flag(i)).join(" OR ")} THEN ${expression} END AS "${name}"`
      : `${expression} AS "${name}"`

  // --- m: the matched rows, narrow. Parameters are bound in the order they appear in the text: the outer
  // select list (the rank), then the inner one (the flags), then the match and the shared filters.
  const outer: string[] = [`"id"`, ...[...carried].map((name) => `"${name}"`), ...flags.flatMap((f, i) => (f ? [`"r${i}"`] : []))]
  // No rank in m when no page reads m (a stored order reads its page from the facet table). A text batch under a
  // scan limit reaches here only when it mixes relevance and stored-order pages (all-relevance batches take a
  // facet limit instead), which the shop never sends: m's rows are then ranked even if the scan stops at the
  // limit and the relevance page ranks every match again.
  if (ranked && pagesFromM.length) outer.push(forPagesFromM(text!.rank(q.params), "score"))
  else outer.push(`0::float4 AS "score"`)
  const inner: string[] = [`"id"`, ...[...carried].map((name) => `"${name}"`)]
  if (ranked && pagesFromM.length) inner.push(`"search_vector"`)
  flags.forEach((fragment, i) => fragment && inner.push(`(${q.embed(fragment)}) AS "r${i}"`))
  const where: string[] = []
  if (text) where.push(text.match(q.params))
  const shared = compileTypedFilters({ $and: input.shared }, columns)
  let source: string
  if (browse) {
    // Every store row walked is numbered ("pos") before the shared filters drop any, so the last number read is how
    // many rows the bounded read walked. The filters must not reach the walk: they are a column tested above it.
    inner.push(`(${shared ? q.embed(shared) : "TRUE"}) AS "ok"`, `row_number() OVER (ORDER BY ${browse.order}) AS "pos"`)
    source = `(SELECT ${inner.join(", ")} FROM "${input.facetTable}" WHERE ${browse.where}) w WHERE "ok" LIMIT ${q.bind(scanLimit! + 1)}`
  } else {
    if (shared) where.push(`(${q.embed(shared)})`)
    // With a scan limit, the block each row lies in tells how much of the table the limit covered (estimateTotal).
    if (scanLimit !== undefined) inner.push(`(ctid::text::point)[0]::int AS "blk"`)
    source = `(SELECT ${inner.join(", ")} FROM "${input.facetTable}" ${where.length ? `WHERE ${where.join(" AND ")}` : ""}${
      scanLimit !== undefined ? ` LIMIT ${q.bind(scanLimit + 1)}` : ""
    }) s`
  }
  const cte = `WITH m AS MATERIALIZED (
    SELECT ${outer.join(", ")}${browse ? `, "pos"` : scanLimit !== undefined ? `, "blk"` : ""}
    FROM ${browse ? `(SELECT * FROM ${source}) s` : source}
  )`
  const selects: string[] = []

  // --- pages
  // Every match of member i, read again from the facet table (its sort column's index can serve the order).
  const pageSource = (i: number) => {
    const conditions: string[] = []
    const score = text ? `${text.rank(q.params)} AS "score"` : `0::float4 AS "score"`
    if (text) conditions.push(text.match(q.params))
    if (shared) conditions.push(`(${q.embed(shared)})`)
    if (flags[i]) conditions.push(`(${q.embed(flags[i]!)})`)
    return `(SELECT *, ${score} FROM "${input.facetTable}"${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}) a`
  }
  // A relevance page must be the best of every match, not of the rows the bounded scan happened to read first: when
  // the scan stopped at its limit, the page ranks every match again (facet counts stay bounded). The condition on
  // m's size is a one-time filter, so PostgreSQL runs only the branch that applies.
  const relevanceSource = (i: number, limit: number) =>
    `(SELECT "id", "score" FROM m WHERE ${flag(i)} AND (SELECT count(*) FROM m) <= ${q.bind(limit)}
      UNION ALL SELECT "id", "score" FROM ${pageSource(i)} WHERE (SELECT count(*) FROM m) > ${q.bind(limit)}) u`
  pageMembers.forEach(([member, i]) => {
    const keys = [...new Set((member.input.attributes_to_retrieve ?? []).map((path) => path.split(".")[0]))]
    const document = keys.length
      ? `(SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(d."document") e WHERE e.key IN (${keys.map((k) => q.bind(k)).join(", ")}))`
      : `d."document"`
    selects.push(`(
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', p."id", 'score', p."score",
        'document', (SELECT ${document} FROM "${input.documentTable}" d WHERE d."id" = p."id")) ORDER BY p.ord), '[]'::jsonb)
      FROM (SELECT "id", "score", row_number() OVER () AS ord
            FROM (SELECT "id", "score" FROM ${pageOverAll(member) ? pageSource(i) : scanLimit !== undefined ? relevanceSource(i, scanLimit) : `m WHERE ${flag(i)}`} ORDER BY ${input.order(member)} LIMIT ${q.bind(member.input.pagination?.take ?? 20)} OFFSET ${q.bind(member.input.pagination?.skip ?? 0)}) o) p
    ) AS "hits_${i}"`)
  })

  // --- facets and counts: per member, one grouping-sets pass over its own rows (every scalar value facet, the
  // count, stats and ranges) and one unnest pass per list field it facets on
  const valueFacetColumns = (member: BatchMember, list: boolean) => [
    ...new Set(
      member.facets
        .filter((f) => f.type === "value")
        .map((f) => column(f.field, member))
        .filter((c) => c.planned.is_array === list)
        .map((c) => c.name)
    ),
  ]
  const scalarColumnsOf = members.map((member) => valueFacetColumns(member, false))
  // The rows facets count: all of m, or its first `facetLimit` + 1 (in the order the scan read them).
  const facetRows = () => (facetLimit === undefined ? "m" : `(SELECT * FROM m LIMIT ${q.bind(facetLimit + 1)}) f`)
  members.forEach((member, i) => {
    if (member.input.search_options?.count === "none" && !member.facets.length) return
    const scalars = scalarColumnsOf[i]
    const aggregates = [`count(*)::int AS "n"`]
    member.facets.forEach((request, j) => {
      const facetColumn = column(request.field, member)
      const col = `"${facetColumn.name}"`
      if (request.type !== "value" && facetColumn.planned.is_array) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${request.type} facet needs a single-valued field; "${request.field}" is a list`)
      }
      if (request.type === "stats") {
        for (const fn of ["min", "max", "avg", "sum"]) aggregates.push(`${fn}(${col}) AS "s${j}_${fn}"`)
      } else if (request.type === "range") {
        ;(request.ranges ?? []).forEach((range, k) => {
          const conditions: string[] = []
          if (range.from !== undefined) conditions.push(`${col} >= ${q.bind(range.from)}`)
          if (range.to !== undefined) conditions.push(`${col} < ${q.bind(range.to)}`)
          aggregates.push(`count(*) FILTER (WHERE ${conditions.join(" AND ") || "TRUE"})::int AS "g${j}_${k}"`)
        })
      }
    })
    // GROUPING() tells the sets apart: all bits set is the whole-row total, one bit clear names the facet column.
    const quoted = scalars.map((name) => `"${name}"`)
    selects.push(`(
      SELECT coalesce(jsonb_agg(to_jsonb(g) ORDER BY g.v), '[]'::jsonb) FROM (
        SELECT ${quoted.length ? `GROUPING(${quoted.join(", ")})` : "0"} AS "set",
          ${quoted.length ? `coalesce(${quoted.map((c) => `${c}::text`).join(", ")})` : "NULL::text"} AS v, ${aggregates.join(", ")}
        FROM ${facetRows()} WHERE ${flag(i)} GROUP BY GROUPING SETS (${[...quoted.map((c) => `(${c})`), "()"].join(", ")})
      ) g
    ) AS "groups_${i}"`)
    // Lists are counted as whole lists first (a catalogue has few distinct group lists), then each distinct list
    // is unnested with its count: the same numbers as unnesting every row, for a fraction of the hashing.
    valueFacetColumns(member, true).forEach((name) => {
      selects.push(`(
        SELECT coalesce(jsonb_agg(jsonb_build_array(a.v, a.n) ORDER BY a.v), '[]'::jsonb) FROM (
          SELECT v, sum(l.n)::int AS n
          FROM (SELECT "${name}" AS list, count(*) AS n FROM ${facetRows()} WHERE ${flag(i)} GROUP BY 1) l, unnest(l.list::text[]) AS v
          WHERE v IS NOT NULL GROUP BY v
        ) a
      ) AS "list_${i}_${name}"`)
    })
  })

  if (browse) {
    // How many rows the bounded read kept, how many store rows it walked for them, and how many the store holds:
    // the browse index's row count at the facet table's last ANALYZE, scaled by how the index grew since, as the
    // planner does it (an index build writes far past its last ANALYZE). Before any ANALYZE (the index then says
    // 0 rows, as created on an empty table) they are counted, a heap visit per store row.
    selects.push(`(SELECT jsonb_build_array(count(*), coalesce(max("pos"), 0), coalesce(
      (SELECT nullif(i.reltuples / i.relpages * (pg_relation_size(i.oid) / current_setting('block_size')::int), 0)
        FROM pg_class i, pg_class t WHERE i.oid = to_regclass('"${browse.index}"') AND i.relpages > 0
          AND t.oid = '"${input.facetTable}"'::regclass AND t.reltuples >= 0),
      (SELECT count(*) FROM "${input.facetTable}" WHERE ${browse.where}))) FROM m) AS "scan"`)
  } else if (scanLimit !== undefined) {
    // How many rows the limited scan read, over how many pages of the table, and the table's size in pages. The
    // span, not the last page: a sequential scan may start mid-table (synchronize_seqscans, large tables).
    selects.push(`(SELECT jsonb_build_array(count(*), coalesce(max("blk") - min("blk"), 0) + 1,
      pg_relation_size('"${input.facetTable}"'::regclass) / current_setting('block_size')::int) FROM m) AS "scan"`)
  }
  if (facetLimit !== undefined) {
    // Every match's count, and each member's: what facets counted over the first rows is scaled to these.
    selects.push(`(SELECT jsonb_build_array(count(*)${members.map((_, i) => `, count(*) FILTER (WHERE ${flag(i)})`).join("")}) FROM m) AS "counts"`)
  }
  const sql = `${cte} SELECT ${selects.length ? selects.join(",\n") : "1"}`

  const read = (row: Record<string, any>): BatchAnswer[] => {
    // Rows kept; then, walking the browse index, rows walked and the store's rows; otherwise table pages spanned and
    // the table's pages.
    const [seen, walked, held] = (row.scan ?? [0, 1, 1]) as number[]
    const [matched, ...memberCounts] = (row.counts ?? [0]) as number[]
    const exhaustive = scanLimit !== undefined ? seen <= scanLimit : facetLimit !== undefined ? matched <= facetLimit : true
    return members.map((member, i) => {
      const groups = (row[`groups_${i}`] ?? []) as Record<string, any>[]
      const scalars = scalarColumnsOf[i]
      const all = (1 << scalars.length) - 1
      const totals = groups.find((g) => g.set === all) ?? {}
      // After a facet limit the member's count is exact, and facets scale by it over the rows they counted.
      const exactCount = facetLimit !== undefined ? Number(memberCounts[i] ?? 0) : undefined
      const counted = Number(totals.n ?? 0)
      const scale = (n: number) =>
        exhaustive
          ? n
          : exactCount !== undefined
            ? scaleEstimate(n, counted ? exactCount / counted : 0)
            : browse
              ? scaleEstimate(n, Math.max(held, walked) / Math.max(1, walked))
              : estimateTotal(n, walked, held)
      // A facet value's or range's estimated count never exceeds the member's exact count.
      const scaleCount = (n: number) => Math.min(exactCount ?? Infinity, scale(n))
      const valueRows = (name: string): { value: string; count: number }[] => {
        const index = scalars.indexOf(name)
        if (index < 0) return ((row[`list_${i}_${name}`] ?? []) as [string, number][]).map(([value, count]) => ({ value, count }))
        const set = all & ~(1 << (scalars.length - 1 - index))
        return groups.filter((g) => g.set === set && g.v !== null).map((g) => ({ value: g.v, count: g.n }))
      }
      const n = exactCount ?? scale(counted)
      return {
        hits: wantsPage(member) ? (row[`hits_${i}`] ?? []) : [],
        count: member.input.search_options?.count === "none" ? null : n,
        exhaustive,
        countExhaustive: exhaustive || exactCount !== undefined,
        facets: member.facets.length
          ? Object.fromEntries(
              member.facets.map((request, j) => {
                if (request.type === "stats") {
                  const stat = (fn: string) => totals[`s${j}_${fn}`] ?? null
                  return [
                    request.field,
                    buildFacetResult(request, {
                      stats: {
                        min: stat("min"),
                        max: stat("max"),
                        avg: stat("avg"),
                        sum: stat("sum") === null ? null : scale(stat("sum")),
                        count: n,
                      },
                    }),
                  ]
                }
                if (request.type === "range") {
                  return [request.field, buildFacetResult(request, { ranges: request.ranges.map((_, k) => scaleCount(totals[`g${j}_${k}`] ?? 0)) })]
                }
                // Rows arrive ordered by value (the database's collation, as ORDER BY value gives); a stable sort
                // by count keeps that order among equal counts.
                let values = valueRows(column(request.field, member).name).map((v) => ({ value: v.value, count: scaleCount(v.count) }))
                if (request.query) values = values.filter((v) => v.value.startsWith(request.query!))
                if (request.sort !== "alpha") values = [...values].sort((a, b) => b.count - a.count)
                return [request.field, buildFacetResult(request, { values: values.slice(0, request.limit ?? 10) })]
              })
            )
          : undefined,
      }
    })
  }

  return { sql, params: q.params, read }
}
