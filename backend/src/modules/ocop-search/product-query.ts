import type { SearchHit, SearchResult, Suggestion } from "@ocop/contracts"
import { MedusaError } from "@medusajs/framework/utils"
import { foldText } from "@ocop/domain"
import { getProvince } from "@ocop/domain/places"
import { getProductGroup } from "@ocop/domain/taxonomy"
import { correctQuery, SHOP_BROWSE_ORDER, SHOP_SEARCH_FILTER, type Vocabulary } from "@ocop/search"
import type { SearchProductsInput, SearchSort } from "./types"

type Doc = Record<string, any>

/** What this unit asks of Medusa's Search Module (injected into the ocop-search module as `search`). */
export type SearchModule = { search(query: Record<string, unknown>): Promise<any> }

const SORT_ORDER: Record<SearchSort, Record<string, "ASC" | "DESC"> | undefined> = {
  relevance: undefined,
  price: { price: "ASC" },
  "-price": { price: "DESC" },
  stars: { stars: "ASC" },
  "-stars": { stars: "DESC" },
  newest: SHOP_BROWSE_ORDER,
  certified: { certified_at: "DESC" },
}

// Hits re-ranked for typed diacritics: deep enough for the first pages people actually read.
const RERANK_WINDOW = 60

const FACETS = ["stars", "province_code", "group_codes", "producer_type", "in_stock", "buyable", "certification_status"]

// What a search card (presentHit) and the diacritics re-rank read: the rest of a document (description, names
// of every place) would only be sent from the database and parsed to be dropped.
const HIT_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "price",
  "stars",
  "potential_five_star",
  "certification_status",
  "province_code",
  "province_names",
  "producer_id",
  "producer_name",
  "producer_type",
  "in_stock",
  "buyable",
  "group_codes",
]

export function buildSearchFilters(params: SearchProductsInput, salesChannelIds: string[]) {
  // Expired and revoked listings stay reachable by address but are never promoted in search (issue 14).
  const filters: Record<string, unknown>[] = [
    ...Object.entries(SHOP_SEARCH_FILTER).map(([field, value]) => ({ [field]: value })),
    { sales_channel_ids: { $overlaps: salesChannelIds } },
  ]
  if (params.stars) filters.push({ stars: { $in: params.stars } })
  if (params.province) filters.push({ province_code: params.province })
  if (params.group) filters.push({ group_codes: params.group })
  if (params.producer_type) filters.push({ producer_type: params.producer_type })
  if (params.producer_id) filters.push({ producer_id: params.producer_id })
  if (params.in_stock !== undefined) filters.push({ in_stock: params.in_stock })
  if (params.buyable !== undefined) filters.push({ buyable: params.buyable })
  if (params.price_min !== undefined) filters.push({ price: { $gte: params.price_min } })
  if (params.price_max !== undefined) filters.push({ price: { $lte: params.price_max } })
  return { $and: filters }
}

function tokens(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** The typed words that carry diacritics: what the re-rank looks for as written. */
function listAccentedWords(q: string): string[] {
  return tokens(q).filter((t) => t !== foldText(t))
}

/**
 * "mật ong" should list Mật ong before anything matching only as "mát"/"mắt": every provider folds accents to
 * match, so hits that contain the typed words exactly (with their diacritics) move up; order is kept otherwise.
 */
export function rankExactDiacriticsFirst(q: string, hits: Doc[]): Doc[] {
  const typed = listAccentedWords(q)
  if (!typed.length) return hits
  // A typed word found as written in the title counts twice as much as one found in producer or place names.
  const exactCount = (doc: Doc) => {
    const title = new Set(tokens(doc.title ?? ""))
    const other = new Set(tokens([doc.producer_name, doc.province_names].filter(Boolean).join(" ")))
    return typed.reduce((score, t) => score + (title.has(t) ? 2 : other.has(t) ? 1 : 0), 0)
  }
  return hits
    .map((hit, index) => ({ hit, index, exact: exactCount(hit.document ?? {}) }))
    .sort((a, b) => b.exact - a.exact || a.index - b.index)
    .map((entry) => entry.hit)
}

function presentHit(doc: Doc) {
  const province = doc.province_code ? getProvince(doc.province_code) : undefined
  return {
    id: doc.id,
    title: doc.title,
    handle: doc.handle,
    thumbnail: doc.thumbnail ?? null,
    price: doc.price === null || doc.price === undefined ? null : { amount: doc.price, currency_code: "vnd" },
    stars: doc.stars ?? null,
    potential_five_star: Boolean(doc.potential_five_star),
    certification_status: doc.certification_status ?? null,
    province: province ? { code: province.code, name: province.name } : null,
    producer: doc.producer_id ? { id: doc.producer_id, name: doc.producer_name, type: doc.producer_type } : null,
    in_stock: Boolean(doc.in_stock),
    buyable: Boolean(doc.buyable),
    // The QĐ 148 sector (I…VI) picks a showcase listing's placeholder when it has no photo.
    sector: Array.isArray(doc.group_codes) && doc.group_codes.length ? String(doc.group_codes[0]).split(".")[0] : null,
  } satisfies SearchHit
}

function presentFacets(facets: Record<string, any> = {}) {
  const values = (field: string) => (facets[field]?.values ?? []) as { value: any; count: number }[]
  return {
    stars: values("stars").map((v) => ({ value: Number(v.value), count: v.count })),
    province: values("province_code").map((v) => ({ code: v.value, name: getProvince(String(v.value))?.name ?? v.value, count: v.count })),
    group: values("group_codes").map((v) => ({ code: v.value, name: getProductGroup(String(v.value))?.name ?? v.value, count: v.count })),
    producer_type: values("producer_type").map((v) => ({ value: v.value, count: v.count })),
    in_stock: values("in_stock").map((v) => ({ value: v.value === true || v.value === "true", count: v.count })),
    buyable: values("buyable").map((v) => ({ value: v.value === true || v.value === "true", count: v.count })),
    certification_status: values("certification_status").map((v) => ({ value: v.value, count: v.count })),
    price: facets.price?.type === "stats" ? { min: facets.price.min, max: facets.price.max } : null,
  } satisfies SearchResult["facets"]
}

async function runSearch(search: SearchModule, query: Record<string, unknown>) {
  try {
    return await search.search({ entity: "product", ...query })
  } catch (error) {
    if (/no active version/i.test(String((error as Error).message))) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "search: the product index is still being built, try again shortly")
    }
    throw error
  }
}

/** Text + filters + facets + sort + pagination over the product index. */
export async function searchProducts(
  search: SearchModule,
  loadVocabulary: () => Promise<Vocabulary>,
  params: SearchProductsInput,
  salesChannelIds: string[]
) {
  if (!salesChannelIds.length) {
    return {
      hits: [],
      count: 0,
      count_estimated: false,
      corrected_query: null,
      facets: presentFacets(),
      offset: params.offset,
      limit: params.limit,
    } satisfies SearchResult
  }
  const q = params.q?.trim() || undefined
  // Only typed diacritics re-rank ("mat ong" has none: its page is the provider's page as is).
  const rerank = Boolean(q) && listAccentedWords(q!).length > 0 && params.sort === "relevance" && params.offset + params.limit <= RERANK_WINDOW
  const order = SORT_ORDER[params.sort] ?? (q ? undefined : SHOP_BROWSE_ORDER)
  const searchWith = (text: string | undefined) =>
    runSearch(search, {
      filters: { ...(text ? { q: text } : {}), ...buildSearchFilters(params, salesChannelIds) },
      fields: HIT_FIELDS,
      pagination: {
        skip: rerank ? 0 : params.offset,
        take: rerank ? RERANK_WINDOW : params.limit,
        ...(order ? { order } : {}),
      },
      search_options: {
        // Past the provider's bound (ocop-postgres: 1,000 matches read) the count and facet counts are estimates
        // rather than a cost that grows with the catalogue; the answer says so (count_estimated).
        count: "estimated",
        disjunctive_facets: true,
        facets: [...FACETS, { field: "price", type: "stats" }],
      },
    })
  // Typos are corrected only when nothing matches as typed, against the catalogue's own words (one edit in
  // words of 5+ letters). The provider's trigram typo mode is not used: it scans the whole index (seconds at
  // 20,000 products) and its similarity score outranks real matches.
  let result = await searchWith(q)
  let corrected: string | null = null
  if (q && !result.metadata?.count) {
    corrected = correctQuery(q, await loadVocabulary())
    if (corrected) result = await searchWith(corrected)
  }
  const hits = rerank ? rankExactDiacriticsFirst(q!, result.hits).slice(params.offset, params.offset + params.limit) : result.hits
  return {
    hits: hits.map((hit: Doc) => presentHit(hit.document ?? hit)),
    count: result.metadata?.count ?? hits.length,
    // ocop-postgres says whether its count is exact (Meilisearch counts exactly when facets are asked for).
    count_estimated: result.provider_metadata?.count_exhaustive === false,
    // What was searched when the typed words were corrected ("Có phải bạn muốn tìm …").
    corrected_query: corrected,
    facets: presentFacets(result.facets),
    offset: params.offset,
    limit: params.limit,
  } satisfies SearchResult
}

/** Search-as-you-type: the top 8 titles for what has been typed so far (the last word as a prefix). */
export async function suggestProducts(search: SearchModule, q: string, salesChannelIds: string[]): Promise<Suggestion[]> {
  if (!salesChannelIds.length) return []
  const result = await runSearch(search, {
    filters: { q, ...SHOP_SEARCH_FILTER, sales_channel_ids: { $overlaps: salesChannelIds } },
    pagination: { skip: 0, take: 8 },
    search_options: { match_strategy: "last", count: "none" },
  })
  return rankExactDiacriticsFirst(q, result.hits).map((hit: Doc) => {
    const doc = hit.document ?? {}
    return { id: doc.id, title: doc.title, handle: doc.handle, thumbnail: doc.thumbnail ?? null, stars: doc.stars ?? null } satisfies Suggestion
  })
}
