/** The orders a buyer can pick on the search page; "relevance" is the provider's ranking. */
export const SEARCH_SORTS = ["relevance", "price", "-price", "stars", "-stars", "newest", "certified"] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** A validated search request (the store route's query, after its zod schema). */
export type SearchProductsInput = {
  q?: string
  stars?: number[]
  province?: string
  group?: string
  producer_type?: string
  producer_id?: string
  in_stock?: boolean
  buyable?: boolean
  price_min?: number
  price_max?: number
  sort: SearchSort
  limit: number
  offset: number
}

export type OcopSearchOptions = {
  /** Keep answers at all (OCOP_SEARCH_CACHE). */
  cacheEnabled?: boolean
  /** How long an answer may be served after it was computed (SEARCH_CACHE_TTL_MS); bounds staleness. */
  cacheTtlMs?: number
  /** How many answers are kept. */
  cacheMaxEntries?: number
  /** How long the typo-correction vocabulary is reused before it is rebuilt. */
  vocabularyMaxAgeMs?: number
}
