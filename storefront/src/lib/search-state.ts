import { PRODUCER_TYPES } from "@ocop/domain"
import { z } from "zod"

export const PAGE_SIZE = 24
export const SORTS = ["relevance", "-stars", "price", "-price", "newest", "certified"] as const

/**
 * Control characters (a NUL from `?q=%00`, tabs, newlines) never belong in a search; the backend refuses a NUL with
 * a 400, which would fail the page. They become spaces, so a hand-edited link still searches for its words.
 */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, " ")
}

const one = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string()
    .transform((v) => stripControlCharacters(v).trim())
    .optional()
)
const optionalInt = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(0).optional().catch(undefined))

/**
 * Everything a search page shows is in its URL, so every state can be shared, bookmarked and rendered without
 * JavaScript. Unknown or malformed values are dropped rather than failing the page: a buyer's hand-edited link
 * still shows results.
 */
export const searchState = z.object({
  q: one.transform((v) => (v ? v.slice(0, 200) : undefined)),
  stars: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : String(v).split(",")), z.array(z.string()))
    .transform((values) => [...new Set(values.filter((s) => ["3", "4", "5"].includes(s)))].sort()),
  province: one.transform((v) => (v && /^\d{2}$/.test(v) ? v : undefined)),
  group: one.transform((v) => (v && /^[IVX]+(\.\d+(\.[a-z])?)?$/.test(v) ? v : undefined)),
  producer_type: one.transform((v) => ((PRODUCER_TYPES as readonly string[]).includes(v ?? "") ? v : undefined)),
  in_stock: one.transform((v) => (v === "true" ? true : undefined)),
  /** "Mua được ngay": only listings that can be ordered now; without it every certified listing, showcase ones too. */
  buyable: one.transform((v) => (v === "true" ? true : undefined)),
  price_min: optionalInt,
  price_max: optionalInt,
  sort: one.transform((v) => ((SORTS as readonly string[]).includes(v ?? "") ? (v as (typeof SORTS)[number]) : undefined)),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(400).catch(1).default(1)),
})

export type SearchState = z.infer<typeof searchState>
export type RawSearchParams = Record<string, string | string[] | undefined>

export function parseSearchState(params: RawSearchParams): SearchState {
  return searchState.parse(params)
}

/** The canonical query string of a state: defaults left out, keys in a fixed order. */
export function formatSearchState(state: Partial<SearchState>): string {
  const params = new URLSearchParams()
  if (state.q) params.set("q", state.q)
  if (state.stars?.length) params.set("stars", state.stars.join(","))
  if (state.province) params.set("province", state.province)
  if (state.group) params.set("group", state.group)
  if (state.producer_type) params.set("producer_type", state.producer_type)
  if (state.in_stock) params.set("in_stock", "true")
  if (state.buyable) params.set("buyable", "true")
  if (state.price_min !== undefined) params.set("price_min", String(state.price_min))
  if (state.price_max !== undefined) params.set("price_max", String(state.price_max))
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort)
  if (state.page && state.page > 1) params.set("page", String(state.page))
  const query = params.toString()
  return query ? `?${query}` : ""
}

/** A facet click: any change of filters goes back to page 1. */
export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, page: 1, ...change }
}

export function toggleStar(state: SearchState, star: string): SearchState {
  const stars = state.stars.includes(star) ? state.stars.filter((s) => s !== star) : [...state.stars, star].sort()
  return withChange(state, { stars })
}

/** The backend's /store/ocop/search query for a state. */
export function toBackendQuery(state: SearchState): Record<string, string | number> {
  const query: Record<string, string | number> = { limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE }
  if (state.q) query.q = state.q
  if (state.stars.length) query.stars = state.stars.join(",")
  if (state.province) query.province = state.province
  if (state.group) query.group = state.group
  if (state.producer_type) query.producer_type = state.producer_type
  if (state.in_stock) query.in_stock = "true"
  if (state.buyable) query.buyable = "true"
  if (state.price_min !== undefined) query.price_min = state.price_min
  if (state.price_max !== undefined) query.price_max = state.price_max
  query.sort = state.sort ?? (state.q ? "relevance" : "-stars")
  return query
}

/**
 * A search state as one path segment, the key of its page in Next's shared page cache: the canonical query
 * (so `?stars=4&q=x` and `?q=x&stars=4` share one page) in base64url. Undefined when it would be too long for a
 * file name of that cache (255 bytes; 200 Vietnamese characters of query can take 600): such a page is rendered per
 * request instead.
 */
export function searchStateKey(state: SearchState): string | undefined {
  const key = Buffer.from(formatSearchState(state).slice(1), "utf8").toString("base64url") || "-"
  return key.length <= 160 ? key : undefined
}

export function parseSearchStateKey(key: string): SearchState {
  return parseSearchState(readSearchParams(new URLSearchParams(key === "-" ? "" : Buffer.from(key, "base64url").toString("utf8"))))
}

/** URL parameters as a page's `searchParams` holds them: a repeated name gives a list. */
export function readSearchParams(params: URLSearchParams): RawSearchParams {
  const raw: RawSearchParams = {}
  for (const [name, value] of params) {
    const seen = raw[name]
    raw[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
  }
  return raw
}
