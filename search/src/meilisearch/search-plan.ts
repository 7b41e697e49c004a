/**
 * Turns one provider query into the Meilisearch requests that answer it, and their responses back into a
 * `SearchResult`. Kept free of I/O so every branch can be tested without a server.
 *
 * One query can need several requests, all sent in a single multi-search:
 * - the hits;
 * - exact aggregates (count, value and stats facets), computed with "finite" pagination (`page` /
 *   `hitsPerPage`) because only then does Meilisearch look at every candidate. When `skip` is a multiple
 *   of `take` one finite-pagination request serves both hits and aggregates; otherwise a second one with
 *   `hitsPerPage: 0` carries the aggregates;
 * - one count per range of each range facet, since Meilisearch has no range aggregation.
 * Value facets that narrow their values with `query` use the facet-search endpoint instead.
 */
import type {
  Hit,
  MatchingStrategies,
  MultiSearchQuery,
  SearchForFacetValuesParams,
  SearchForFacetValuesResponse,
  SearchResponse,
} from "meilisearch" with { "resolution-mode": "import" }
import { MedusaError, projectDocument, readDocumentPath } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { distinctAttribute, type IndexedField, type IndexSchema, MATCH_ATTRIBUTE, toMeilisearchLocale } from "./index-schema"
import { andFilters, translateFilters } from "./translate-filters"

type ProviderSearchQuery = SearchTypes.ProviderSearchQuery
type SearchResult = SearchTypes.SearchResult
type FacetResult = SearchTypes.SearchFacetResult

const DEFAULT_TAKE = 20
const DEFAULT_FACET_LIMIT = 10
const DEFAULT_HIGHLIGHT_PRE_TAG = "<mark>"
const DEFAULT_HIGHLIGHT_POST_TAG = "</mark>"
/** Meilisearch's default crop length, in words. */
const DEFAULT_SNIPPET_LENGTH = 10

export type PlanOptions = {
  /** The Meilisearch index uid to query (the physical name with the provider's prefix). */
  indexUid: string
  maxTotalHits: number
  maxValuesPerFacet: number
  containsFilter: boolean
}

export type FacetSearch = { indexUid: string; params: SearchForFacetValuesParams }

export type SearchPlan = {
  /** Requests for one multi-search, in order. */
  queries: MultiSearchQuery[]
  /** Facet-search requests, one per value facet with a `query`. */
  facetSearches: FacetSearch[]
  /** Builds the result from the responses to `queries` and `facetSearches`, in the same order. */
  assemble(responses: SearchResponse[], facetResponses: SearchForFacetValuesResponse[]): SearchResult
}

/** Parameters every request of a plan shares, so that they all describe the same set of matches. */
type MatchParams = Pick<
  MultiSearchQuery,
  "indexUid" | "q" | "filter" | "matchingStrategy" | "attributesToSearchOn" | "locales" | "rankingScoreThreshold" | "distinct"
>

/**
 * A requested facet and where its answer will be: `facetSearch` is the position of its facet-search
 * request (value facets narrowed by `query` on text), `query` the position of each range's count request.
 */
type PlannedFacet =
  | {
      kind: "value"
      field: IndexedField
      limit: number
      sort: "count" | "alpha"
      query?: string
      facetSearch?: number
    }
  | { kind: "stats"; field: IndexedField }
  | {
      kind: "range"
      field: IndexedField
      ranges: { key: string; from?: number; to?: number; query: number }[]
    }

export function planSearch(input: ProviderSearchQuery, schema: IndexSchema, options: PlanOptions): SearchPlan {
  const searchOptions = input.search_options ?? {}
  assertSupported(input)

  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? DEFAULT_TAKE
  assertPagination(skip, take, options.maxTotalHits)

  const q = input.q?.trim() || undefined
  if (q && !schema.searchable.length) {
    throw invalid(`Search index "${schema.name}" has no searchable fields, so it cannot be queried by text`)
  }

  const typoTolerance = !!searchOptions.typo_tolerance && (input.index.settings.typo_tolerance?.enabled ?? true)
  const strategy = searchOptions.match_strategy ?? "all"

  const filter = translateFilters(input.filters, {
    schema: schema.fields,
    containsFilter: options.containsFilter,
  })
  const base: MatchParams = withoutUndefined({
    indexUid: options.indexUid,
    q: q ? toMeilisearchQuery(q, { typoTolerance, prefixLastTerm: strategy === "last" }) : undefined,
    filter,
    matchingStrategy: toMatchingStrategy(strategy),
    attributesToSearchOn: searchOptions.attributes_to_search_on,
    locales: searchOptions.locales?.map(toMeilisearchLocale),
    rankingScoreThreshold: minScore(searchOptions.min_score),
    distinct: queryDistinct(input, schema),
  })

  const highlight = q ? planHighlight(input, schema) : undefined
  const hitsParams = withoutUndefined({
    sort: buildSort(input, schema, !!q),
    attributesToRetrieve: unique([...input.attributes_to_retrieve, schema.primaryKey, ...(highlight?.attributesToHighlight ?? [])]),
    showRankingScore: searchOptions.include_score || undefined,
    ...highlight,
  })

  const facets = planFacets(input, schema, options)
  const distributionAttributes = unique(
    facets
      .filter((facet) => facet.kind === "stats" || (facet.kind === "value" && facet.facetSearch === undefined))
      .map((facet) => facet.field.attribute)
  )
  const countMode = searchOptions.count ?? "estimated"
  // Exact aggregates need every candidate, which only finite pagination considers.
  const exhaustive = countMode === "exact" || distributionAttributes.length > 0
  const aggregateFacets = [MATCH_ATTRIBUTE, ...distributionAttributes]

  const queries: MultiSearchQuery[] = []
  let aggregateIndex = -1
  if (!exhaustive) {
    queries.push({ ...base, ...hitsParams, offset: skip, limit: take })
  } else if (take === 0 || skip % take === 0) {
    queries.push({
      ...base,
      ...hitsParams,
      page: take === 0 ? 1 : skip / take + 1,
      hitsPerPage: take,
      facets: aggregateFacets,
    })
    aggregateIndex = 0
  } else {
    queries.push({ ...base, ...hitsParams, offset: skip, limit: take })
    queries.push({ ...base, page: 1, hitsPerPage: 0, facets: aggregateFacets })
    aggregateIndex = 1
  }

  const facetSearches: FacetSearch[] = []
  for (const facet of facets) {
    if (facet.kind === "range") {
      for (const range of facet.ranges) {
        range.query = queries.length
        queries.push({
          ...base,
          filter: andFilters(filter, rangeFilter(facet.field, range, options)),
          page: 1,
          hitsPerPage: 0,
          facets: [MATCH_ATTRIBUTE],
        })
      }
    } else if (facet.kind === "value" && facet.facetSearch !== undefined) {
      facet.facetSearch = facetSearches.length
      facetSearches.push({ indexUid: options.indexUid, params: facetSearchParams(base, facet) })
    }
  }

  return {
    queries,
    facetSearches,
    assemble(responses, facetResponses) {
      const hitsResponse = responses[0]
      const aggregates = aggregateIndex >= 0 ? responses[aggregateIndex] : undefined
      const exactCount = aggregates ? countMatches(aggregates) : undefined

      let count: number | null = null
      if (countMode !== "none") {
        count = exactCount ?? hitsResponse.estimatedTotalHits ?? hitsResponse.totalHits ?? 0
      }

      return {
        hits: hitsResponse.hits.map((hit) => toSearchHit(hit, input, schema, highlight)),
        facets: facets.length ? assembleFacets(facets, { responses, facetResponses, aggregates, matches: exactCount }) : undefined,
        metadata: {
          skip,
          take,
          count,
          query: input.q,
          processing_time_ms: hitsResponse.processingTimeMs,
        },
      }
    },
  }
}

/**
 * Rewrites the free-text query so Meilisearch matches the way the Search Module's options say:
 *
 * - Meilisearch matches the last term as a prefix unless the query ends with a separator, so a trailing
 *   space is added unless `match_strategy` is `"last"` (typeahead).
 * - Meilisearch has no per-query switch for typos; a quoted phrase, however, is matched exactly (no typo,
 *   no prefix). Without `typo_tolerance`, every term is quoted on its own, except the typeahead prefix,
 *   which must stay a prefix (and may then still tolerate a typo once it is long enough).
 *
 * Quotes and leading dashes typed by the user are dropped: they would otherwise switch on Meilisearch's
 * phrase and negation syntax, which the Search Module does not define.
 */
export function toMeilisearchQuery(q: string, options: { typoTolerance: boolean; prefixLastTerm: boolean }): string {
  const terms = q
    .replace(/"/g, " ")
    .split(/\s+/)
    .map((term) => term.replace(/^-+/, ""))
    .filter(Boolean)
  if (!terms.length) {
    return ""
  }

  const last = terms.length - 1
  const parts = terms.map((term, index) => (!options.typoTolerance && !(options.prefixLastTerm && index === last) ? `"${term}"` : term))
  const text = parts.join(" ")
  const lastIsBare = !parts[last].startsWith('"')
  return lastIsBare && !options.prefixLastTerm ? `${text} ` : text
}

/**
 * - `all`: every term must match: Meilisearch's `all`.
 * - `last` (typeahead): also every term, the last one as a prefix: `all` again; the prefix comes from
 *   the query text. Meilisearch's own `last` strategy drops trailing terms instead, which is another thing.
 * - `any`: Meilisearch cannot OR terms; `frequency` is the closest: it drops the most frequent terms first
 *   until documents match, so documents matching only the most frequent term may be missing.
 */
export function toMatchingStrategy(strategy: SearchTypes.SearchMatchStrategy): MatchingStrategies {
  return strategy === "any" ? "frequency" : "all"
}

function assertSupported(input: ProviderSearchQuery): void {
  const options = input.search_options ?? {}
  if (input.pagination?.cursor !== undefined) {
    throw notAllowed("The Meilisearch search provider does not support cursor pagination; use skip and take")
  }
  if (options.vector) {
    throw notAllowed("The Meilisearch search provider does not support search_options.vector")
  }
}

function assertPagination(skip: number, take: number, maxTotalHits: number): void {
  if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(take) || take < 0) {
    throw invalid(`pagination.skip and pagination.take must be whole numbers ≥ 0, got ${skip} and ${take}`)
  }
  if (skip + take > maxTotalHits) {
    throw notAllowed(
      `Meilisearch only pages through the first ${maxTotalHits} matches (pagination.skip + take = ${
        skip + take
      }); raise the provider option "max_total_hits" to go further`
    )
  }
}

function minScore(value: number | undefined): number | undefined {
  if (value !== undefined && !(value >= 0 && value <= 1)) {
    throw invalid(`search_options.min_score must be between 0 and 1 on Meilisearch, got ${value}`)
  }
  return value
}

/** Only a `distinct` that differs from the index's `distinct_attribute` needs sending. */
function queryDistinct(input: ProviderSearchQuery, schema: IndexSchema): string | undefined {
  const distinct = input.search_options?.distinct
  if (!distinct || distinct === input.index.settings.distinct_attribute) {
    return undefined
  }
  const attribute = distinctAttribute(schema, distinct)
  if (!schema.filterable.includes(attribute)) {
    throw notAllowed(`Meilisearch can only deduplicate by a filterable or facetable field, and "${distinct}" is neither`)
  }
  return attribute
}

/**
 * `pagination.order` is a hard sort (the index ranks `sort` first). Relevance can only come after the
 * sorted fields, never before them, and cannot be reversed. Browsing without a query is ordered by the
 * primary key, as on Postgres, so pages are stable.
 */
function buildSort(input: ProviderSearchQuery, schema: IndexSchema, hasQuery: boolean): string[] | undefined {
  const entries = Object.entries(input.pagination?.order ?? {})
  const sort: string[] = []
  entries.forEach(([path, direction], index) => {
    if (path === "_score") {
      if (direction === "ASC") {
        throw notAllowed("The Meilisearch search provider cannot sort by ascending relevance (_score: ASC)")
      }
      if (index < entries.length - 1) {
        throw notAllowed("The Meilisearch search provider applies relevance after the sorted fields, so _score must come last in pagination.order")
      }
      return
    }
    const field = schema.fields.get(path)
    if (!field) {
      throw invalid(`Cannot sort search index "${schema.name}" by unknown field "${path}"`)
    }
    if (field.array) {
      throw notAllowed(`The Meilisearch search provider cannot sort by array field "${path}"`)
    }
    sort.push(`${field.attribute}:${direction === "ASC" ? "asc" : "desc"}`)
  })

  if (!sort.length && !hasQuery) {
    sort.push(`${schema.primaryKey}:asc`)
  }
  return sort.length ? sort : undefined
}

type HighlightParams = Pick<MultiSearchQuery, "attributesToHighlight" | "highlightPreTag" | "highlightPostTag" | "attributesToCrop" | "cropLength">

function planHighlight(input: ProviderSearchQuery, schema: IndexSchema): HighlightParams | undefined {
  const highlight = input.search_options?.highlight
  if (!highlight) {
    return undefined
  }
  const settings = highlight === true ? undefined : highlight
  const fields = settings?.fields ?? input.search_options?.attributes_to_search_on ?? schema.searchable
  for (const path of fields) {
    if (!schema.fields.has(path)) {
      throw invalid(`Cannot highlight "${path}", which is not a field of search index "${schema.name}"`)
    }
  }
  const snippet = settings?.snippet
  return withoutUndefined({
    attributesToHighlight: fields,
    highlightPreTag: settings?.pre_tag ?? DEFAULT_HIGHLIGHT_PRE_TAG,
    highlightPostTag: settings?.post_tag ?? DEFAULT_HIGHLIGHT_POST_TAG,
    attributesToCrop: snippet ? fields : undefined,
    cropLength: snippet ? (typeof snippet === "object" ? snippet.length : DEFAULT_SNIPPET_LENGTH) : undefined,
  })
}

function planFacets(input: ProviderSearchQuery, schema: IndexSchema, options: PlanOptions): PlannedFacet[] {
  return (input.search_options?.facets ?? []).map((raw): PlannedFacet => {
    const request: SearchTypes.SearchFacetRequest = typeof raw === "string" ? { field: raw, type: "value" } : raw
    const field = schema.fields.get(request.field)
    if (!field) {
      throw invalid(`Cannot facet search index "${schema.name}" on unknown field "${request.field}"`)
    }

    if (request.type === "range") {
      if (field.array) {
        throw notAllowed(`Range facets on array field "${request.field}" are not supported`)
      }
      return {
        kind: "range",
        field,
        ranges: request.ranges.map((range) => {
          const from = range.from === undefined ? undefined : boundToNumber(field, range.from)
          const to = range.to === undefined ? undefined : boundToNumber(field, range.to)
          return { key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`, from, to, query: -1 }
        }),
      }
    }
    if (request.type === "stats") {
      return { kind: "stats", field }
    }

    const limit = request.limit ?? DEFAULT_FACET_LIMIT
    if (limit > options.maxValuesPerFacet) {
      throw notAllowed(
        `Meilisearch returns at most ${options.maxValuesPerFacet} values per facet ("${request.field}" asks for ${limit}); raise the provider option "max_values_per_facet"`
      )
    }
    // Text values can be narrowed by the engine itself; other types are narrowed after the fact.
    const searchable = request.query !== undefined && (field.type === "keyword" || field.type === "text")
    return {
      kind: "value",
      field,
      limit,
      sort: request.sort ?? "count",
      query: request.query,
      // The position in `facetSearches` is assigned once the plan's requests are laid out.
      facetSearch: searchable ? -1 : undefined,
    }
  })
}

/** A range counts values in `[from, to)`, as on Postgres. */
function rangeFilter(field: IndexedField, range: { from?: number; to?: number }, options: PlanOptions): string | undefined {
  const bounds: Record<string, number> = {}
  if (range.from !== undefined) {
    bounds.$gte = range.from
  }
  if (range.to !== undefined) {
    bounds.$lt = range.to
  }
  if (!Object.keys(bounds).length) {
    return undefined
  }
  return translateFilters({ [field.path]: bounds }, { schema: new Map([[field.path, field]]), containsFilter: options.containsFilter })
}

function boundToNumber(field: IndexedField, bound: number | string): number {
  if (typeof bound === "number") {
    return bound
  }
  const numeric = Number(bound)
  const value = Number.isNaN(numeric) && field.type === "date" ? Date.parse(bound) : numeric
  if (Number.isNaN(value)) {
    throw invalid(`Range bound ${JSON.stringify(bound)} of facet "${field.path}" is not a number`)
  }
  return value
}

function facetSearchParams(base: MatchParams, facet: Extract<PlannedFacet, { kind: "value" }>): SearchForFacetValuesParams {
  // The facet-search endpoint rejects unknown parameters, so only the ones it takes are passed on.
  return withoutUndefined({
    facetName: facet.field.attribute,
    facetQuery: facet.query,
    q: base.q,
    filter: base.filter,
    matchingStrategy: base.matchingStrategy,
    attributesToSearchOn: base.attributesToSearchOn,
    locales: base.locales,
    rankingScoreThreshold: base.rankingScoreThreshold,
    exhaustiveFacetCount: true,
  })
}

function assembleFacets(
  facets: PlannedFacet[],
  answers: {
    responses: SearchResponse[]
    facetResponses: SearchForFacetValuesResponse[]
    /** The response carrying the value distributions and stats, if any were asked for. */
    aggregates: SearchResponse | undefined
    /** The exact number of matches, when it was computed. */
    matches: number | undefined
  }
): Record<string, FacetResult> {
  const { responses, facetResponses, aggregates, matches } = answers
  const result: Record<string, FacetResult> = {}
  for (const facet of facets) {
    const path = facet.field.path
    if (facet.kind === "range") {
      result[path] = {
        type: "range",
        ranges: facet.ranges.map((range) => ({
          key: range.key,
          from: range.from,
          to: range.to,
          count: countMatches(responses[range.query]),
        })),
      }
    } else if (facet.kind === "stats") {
      const stats = aggregates?.facetStats?.[facet.field.attribute]
      result[path] = { type: "stats", min: stats?.min ?? 0, max: stats?.max ?? 0, count: matches ?? 0 }
    } else {
      const distribution = aggregates?.facetDistribution?.[facet.field.attribute] ?? {}
      const counted =
        facet.facetSearch !== undefined
          ? facetResponses[facet.facetSearch].facetHits
          : Object.entries(distribution).map(([value, count]) => ({ value, count }))
      result[path] = { type: "value", values: selectFacetValues(counted, facet) }
    }
  }
  return result
}

/**
 * Narrows and orders facet values the way Postgres does: `query` is a case-sensitive prefix (Meilisearch's
 * own facet search is looser, so its answer is filtered again), ties on count break alphabetically.
 */
export function selectFacetValues(
  values: { value: string; count: number }[],
  facet: { limit: number; sort: "count" | "alpha"; query?: string }
): { value: string; count: number }[] {
  const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  return values
    .filter(({ value }) => facet.query === undefined || value.startsWith(facet.query))
    .sort(facet.sort === "alpha" ? byValue : (a, b) => b.count - a.count || byValue(a, b))
    .slice(0, facet.limit)
}

/** The exact number of matches, read from the facet on the constant attribute every document carries. */
function countMatches(response: SearchResponse): number {
  const counts = response.facetDistribution?.[MATCH_ATTRIBUTE] ?? {}
  return Object.values(counts).reduce((sum, count) => sum + count, 0)
}

function toSearchHit(hit: Hit, input: ProviderSearchQuery, schema: IndexSchema, highlight: HighlightParams | undefined): SearchTypes.SearchHit {
  const result: SearchTypes.SearchHit = {
    id: String(hit[schema.primaryKey]),
    document: projectDocument(hit, input.attributes_to_retrieve),
  }
  if (input.search_options?.include_score && hit._rankingScore !== undefined) {
    result.score = hit._rankingScore
  }
  const highlights = highlight ? readHighlights(hit, highlight) : undefined
  if (highlights) {
    result.highlights = highlights
  }
  return result
}

/** Highlighted fragments: only values where a term was actually marked. */
function readHighlights(hit: Hit, highlight: HighlightParams): Record<string, string[]> | undefined {
  const formatted = hit._formatted
  if (!formatted) {
    return undefined
  }
  const preTag = highlight.highlightPreTag ?? DEFAULT_HIGHLIGHT_PRE_TAG
  const highlights: Record<string, string[]> = {}
  for (const path of highlight.attributesToHighlight ?? []) {
    const fragments = readDocumentPath(formatted, path.split(".")).filter(
      (value): value is string => typeof value === "string" && value.includes(preTag)
    )
    if (fragments.length) {
      highlights[path] = fragments
    }
  }
  return Object.keys(highlights).length ? highlights : undefined
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

/** Meilisearch rejects some parameters when they are present but null, so unset ones are dropped. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function notAllowed(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}
