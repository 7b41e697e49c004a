import { z } from "zod"

// The shapes the storefront relies on from the OCOP store API; parsing them here turns a backend change into
// one clear error instead of a broken page.
const money = z.object({ amount: z.number(), currency_code: z.string() })
const place = z.object({ code: z.string(), name: z.string() })

export const producerSummary = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string().optional(),
  type: z.string().nullable(),
  province: place.nullable().optional(),
})

export const searchHit = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullable(),
  price: money.nullable(),
  stars: z.number().nullable(),
  certification_status: z.string().nullable(),
  province: place.nullable(),
  producer: producerSummary.nullable(),
  in_stock: z.boolean().nullable().optional(),
  /** false for a showcase listing (certified, not sold online yet); absent from older backends */
  buyable: z.boolean().optional(),
  /** QĐ 148 sector code (I…VI), for the placeholder of a listing without a photo */
  sector: z.string().nullable().optional(),
})

const valueCount = z.object({ value: z.union([z.string(), z.number(), z.boolean()]), count: z.number() })
const codeCount = z.object({ code: z.string(), name: z.string(), count: z.number() })

export const searchResult = z.object({
  hits: z.array(searchHit),
  count: z.number(),
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

export const certification = z.object({
  id: z.string(),
  stars: z.number(),
  potential_five_star: z.boolean(),
  score: z.number().nullable(),
  product_group: z.object({ code: z.string(), name: z.string(), path: z.array(z.string()) }).nullable(),
  decision_number: z.string().nullable(),
  decision_date: z.string().nullable(),
  certifying_level: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_until: z.string().nullable(),
  status: z.string(),
  status_reason: z.string().nullable(),
  is_valid: z.boolean(),
  origin: z.object({
    province_as_listed: z.string().nullable(),
    district_as_listed: z.string().nullable(),
    commune_as_listed: z.string().nullable(),
    province: place.nullable(),
    commune: place.nullable(),
    formerly: z.string().nullable(),
  }),
})

export const producerCard = producerSummary.extend({
  handle: z.string(),
  // null: the producer has not said (kept apart from "no").
  women_led: z.boolean().nullable(),
  ethnic_minority_led: z.boolean().nullable(),
  address: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  website: z.string().nullable().optional(),
  story_html: z.string().nullable().optional(),
})

export const productDetail = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  thumbnail: z.string().nullable(),
  images: z.array(z.object({ id: z.string(), url: z.string() })),
  variants: z.array(z.object({ id: z.string(), title: z.string(), sku: z.string().nullable(), price: money.nullable() })),
  price_from: money.nullable(),
  ocop: certification.nullable(),
  /** every certificate of the product with its rating events (a re-rated product has several) */
  certification_history: z
    .array(
      certification.extend({
        rating_history: z
          .array(
            z.object({
              kind: z.string(),
              stars: z.number(),
              previous_stars: z.number().nullable(),
              decision_number: z.string().nullable(),
              decision_date: z.string().nullable(),
              note: z.string().nullable(),
              recorded_at: z.string().nullable(),
            })
          )
          .optional(),
      })
    )
    .optional(),
  producer: producerCard.nullable(),
})

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

export const productGroup = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parent_code: z.string().nullable(),
})

export type SearchHit = z.infer<typeof searchHit>
export type SearchResult = z.infer<typeof searchResult>
export type Suggestion = z.infer<typeof suggestion>
export type Certification = z.infer<typeof certification>
export type ProductDetail = z.infer<typeof productDetail>
export type CertificatePage = z.infer<typeof certificatePage>
export type Province = z.infer<typeof province>
export type ProductGroup = z.infer<typeof productGroup>
export type ProducerCard = z.infer<typeof producerCard>
