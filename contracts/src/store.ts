import { z } from "zod"
import { certification, certificationStatus } from "./certification"
import { money, place } from "./common"

// The store API (backend/src/api/store): what the shop reads. The shop parses every answer with these, so a
// backend change is one clear error instead of a broken page; the backend's presenters `satisfies` the types.

export const producerSummary = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string().optional(),
  type: z.string().nullable(),
  province: place.nullable().optional(),
})

/** A producer as presentProducer writes it; the contact fields and story only on detail routes. */
export const producerCard = producerSummary.extend({
  handle: z.string(),
  province: place.nullable(),
  // null: the producer has not said (kept apart from "no").
  women_led: z.boolean().nullable(),
  ethnic_minority_led: z.boolean().nullable(),
  address: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  website: z.string().nullable().optional(),
  story_html: z.string().nullable().optional(),
})

export const searchHit = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullable(),
  price: money.nullable(),
  stars: z.number().nullable(),
  potential_five_star: z.boolean().optional(),
  /** the badge's one signal, as the search index holds it */
  certification_status: certificationStatus.nullable(),
  province: place.nullable(),
  producer: producerSummary.nullable(),
  in_stock: z.boolean().nullable().optional(),
  /** false for a showcase listing (certified, not sold online yet) */
  buyable: z.boolean().optional(),
  /** QĐ 148 sector code (I…VI), for the placeholder of a listing without a photo */
  sector: z.string().nullable().optional(),
})

const valueCount = z.object({ value: z.union([z.string(), z.number(), z.boolean()]), count: z.number() })
const codeCount = z.object({ code: z.string(), name: z.string(), count: z.number() })

export const searchResult = z.object({
  hits: z.array(searchHit),
  count: z.number(),
  /**
   * true when more products matched than the search reads for counting (1,000): `count` and the facet counts
   * are then estimates rounded to two significant digits, which the shop shows as "khoảng 12.000".
   */
  count_estimated: z.boolean().default(false),
  offset: z.number(),
  limit: z.number(),
  corrected_query: z.string().nullable(),
  facets: z
    .object({
      stars: z.array(valueCount).default([]),
      province: z.array(codeCount).default([]),
      group: z.array(codeCount).default([]),
      producer_type: z.array(valueCount).default([]),
      in_stock: z.array(valueCount).default([]),
      buyable: z.array(valueCount).default([]),
      certification_status: z.array(valueCount).default([]),
      price: z.object({ min: z.number().nullable(), max: z.number().nullable() }).nullable().optional(),
    })
    .partial()
    .default({}),
})

export const suggestion = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullable(),
  stars: z.number().nullable(),
})

/**
 * A product as /store/ocop/products (list and detail) and the featured lists present it (presentStoreProduct):
 * description, images and the certificate history only on the detail route.
 */
export const storeOcopProduct = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable().optional(),
  handle: z.string(),
  description: z.string().nullable().optional(),
  thumbnail: z.string().nullable(),
  images: z.array(z.object({ id: z.string(), url: z.string() })).optional(),
  variants: z.array(z.object({ id: z.string(), title: z.string(), sku: z.string().nullable(), price: money.nullable() })),
  price_from: money.nullable(),
  /** the certificate a buyer sees (@ocop/domain pickCurrentCertification), or none */
  ocop: certification.nullable(),
  /** every certificate of the product with its rating events (a re-rated product has several) */
  certification_history: z.array(certification).optional(),
  producer: producerCard.nullable(),
})

/** GET /store/ocop/products/:handle → product */
export const productDetail = storeOcopProduct.extend({
  description: z.string().nullable(),
  images: z.array(z.object({ id: z.string(), url: z.string() })),
})

/** GET /store/certifications/:id → certification */
export const certificatePage = certification.extend({
  product: z.object({ id: z.string(), title: z.string(), handle: z.string().nullable(), thumbnail: z.string().nullable() }).nullable(),
  producer: producerSummary.extend({ handle: z.string() }).nullable(),
})

export const province = z.object({
  code: z.string(),
  name: z.string(),
  short_name: z.string(),
  former_provinces: z.array(z.string()),
  product_count: z.number(),
  certified_count: z.number(),
  product_count_by_stars: z.record(z.string(), z.number()),
})

export const commune = place

export const productGroup = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parent_code: z.string().nullable(),
})

/** GET /store/featured-lists[/:handle]: each product is the store's product presenter. */
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
  products: z.array(storeOcopProduct),
})

export type ProducerSummary = z.infer<typeof producerSummary>
export type ProducerCard = z.infer<typeof producerCard>
export type SearchHit = z.infer<typeof searchHit>
export type SearchResult = z.infer<typeof searchResult>
export type Suggestion = z.infer<typeof suggestion>
export type StoreOcopProduct = z.infer<typeof storeOcopProduct>
export type ProductDetail = z.infer<typeof productDetail>
export type CertificatePage = z.infer<typeof certificatePage>
export type Province = z.infer<typeof province>
export type ProductGroup = z.infer<typeof productGroup>
export type FeaturedList = z.infer<typeof featuredList>
