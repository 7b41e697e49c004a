import type { FeaturedList, SearchHit, StoreOcopProduct } from "@ocop/contracts"

/** A list's product as the search hit the shop's ProductCard draws, so list cards look like every other card. */
export function toCardHit(product: StoreOcopProduct): SearchHit {
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
