import { z } from "zod"
import type { SearchHit } from "./schemas"

// The shape of /store/featured-lists[/:handle]: each product is the store's product presenter (/store/ocop/products).
const place = z.object({ code: z.string(), name: z.string() })
const storeProduct = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullable(),
  price_from: z.object({ amount: z.number(), currency_code: z.string() }).nullable(),
  ocop: z.object({ stars: z.number(), status: z.string(), origin: z.object({ province: place.nullable() }) }).nullable(),
  producer: z.object({ id: z.string(), name: z.string(), handle: z.string().optional(), type: z.string().nullable(), province: place.nullable().optional() }).nullable(),
})

export const featuredList = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  cover: z.object({ url: z.string() }).nullable(),
  province: place.nullable(),
  starts_at: z.string(),
  ends_at: z.string(),
  updated_at: z.string(),
  products: z.array(storeProduct),
})
export type FeaturedList = z.infer<typeof featuredList>
type StoreProduct = z.infer<typeof storeProduct>

/** A list's product as the search hit the shop's ProductCard draws, so list cards look like every other card. */
export function toCardHit(product: StoreProduct): SearchHit {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    thumbnail: product.thumbnail,
    price: product.price_from,
    stars: product.ocop?.stars ?? null,
    certification_status: product.ocop?.status ?? null,
    province: product.ocop?.origin.province ?? null,
    producer: product.producer,
  }
}

/**
 * schema.org ItemList of a featured list: its products in the curator's order, each a ListItem with its position
 * and the product page's absolute URL (Google's carousel form: url-only items of one site).
 */
export function buildItemListJsonLd(list: Pick<FeaturedList, "title" | "description" | "handle" | "products">, siteUrl: string, locale: string) {
  const base = siteUrl.replace(/\/+$/, "")
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name: list.title,
    ...(list.description ? { description: list.description } : {}),
    url: `${base}/${locale}/lists/${encodeURIComponent(list.handle)}`,
    itemListOrder: "https://schema.org/ItemListOrderAscending",
    numberOfItems: list.products.length,
    itemListElement: list.products.map((product, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: product.title,
      url: `${base}/${locale}/products/${encodeURIComponent(product.handle)}`,
    })),
  }
}
