import "server-only"
import { z } from "zod"
import { catalogCache, sdk } from "../medusa"
import {
  certificatePage,
  commune,
  featuredList,
  productDetail,
  producerCard,
  productGroup,
  province,
  searchResult,
  suggestion,
} from "@ocop/contracts"
import { toBackendQuery, type SearchState } from "../search-state"

/** 404 from the backend becomes null (the page shows its own not-found); anything else is a real error. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    // The backend refuses a handle it cannot read (a NUL, a broken encoding) with a 400: no product has it either.
    const status = (error as { status?: number }).status
    if (status === 404 || status === 400) return null
    throw error
  }
}

export async function searchProducts(state: SearchState) {
  const data = await sdk.client.fetch("/store/ocop/search", { query: toBackendQuery(state), ...catalogCache })
  return searchResult.parse(data)
}

/** Search with a raw query (home rails, province and producer pages). */
export async function searchProductsBy(query: Record<string, string | number>) {
  const data = await sdk.client.fetch("/store/ocop/search", { query, ...catalogCache })
  return searchResult.parse(data)
}

export async function suggestProducts(q: string) {
  const data = await sdk.client.fetch<{ suggestions: unknown }>("/store/ocop/search/suggest", { query: { q }, ...catalogCache })
  return z.array(suggestion).parse(data.suggestions)
}

export async function getProduct(handle: string) {
  return orNull(async () => {
    const data = await sdk.client.fetch<{ product: unknown }>(`/store/ocop/products/${encodeURIComponent(handle)}`, catalogCache)
    return productDetail.parse(data.product)
  })
}

export async function getCertificate(id: string) {
  return orNull(async () => {
    const data = await sdk.client.fetch<{ certification: unknown }>(`/store/certifications/${encodeURIComponent(id)}`, catalogCache)
    return certificatePage.parse(data.certification)
  })
}

export async function getProducer(handle: string) {
  return orNull(async () => {
    const data = await sdk.client.fetch<{ producer: unknown }>(`/store/producers/${encodeURIComponent(handle)}`, catalogCache)
    return producerCard.parse(data.producer)
  })
}

export async function listProvinces() {
  const data = await sdk.client.fetch<{ provinces: unknown }>("/store/provinces", catalogCache)
  return z.array(province).parse(data.provinces)
}

export async function listCommunes(provinceCode: string) {
  const data = await sdk.client.fetch<{ communes: unknown }>(`/store/provinces/${encodeURIComponent(provinceCode)}/communes`, catalogCache)
  return z.array(commune).parse(data.communes)
}

export async function listProductGroups() {
  const data = await sdk.client.fetch<{ product_groups: unknown }>("/store/product-groups", catalogCache)
  return z.array(productGroup).parse(data.product_groups)
}

/** The ids and handles a sitemap lists: every published product, page by page. */
export async function listProductHandles() {
  const handles: string[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await searchProductsBy({ limit: 100, offset, sort: "newest" })
    handles.push(...page.hits.map((h) => h.handle))
    if (offset + 100 >= page.count || offset >= 9_900) return handles
  }
}

/** Active featured lists: one province's, or (without a province) every one, national lists first. */
export async function listFeaturedLists(province?: string) {
  const data = await sdk.client.fetch<{ featured_lists: unknown }>("/store/featured-lists", {
    query: province ? { province } : {},
    ...catalogCache,
  })
  return z.array(featuredList).parse(data.featured_lists)
}

export async function getFeaturedList(handle: string) {
  return orNull(async () => {
    const data = await sdk.client.fetch<{ featured_list: unknown }>(`/store/featured-lists/${encodeURIComponent(handle)}`, catalogCache)
    return featuredList.parse(data.featured_list)
  })
}
