import { z } from "zod"
import { certificationStatus } from "./certification"
import { CLAIM_STATUSES } from "./curator"
import { producerCard } from "./store"

// The producer API (backend/src/api/producer): what the shop's producer portal reads.

export const producerProduct = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  thumbnail: z.string().nullable(),
  updated_at: z.string().optional(),
  images: z.array(z.object({ id: z.string(), url: z.string(), renditions: z.array(z.unknown()).optional() })),
  variants: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      sku: z.string().nullable().optional(),
      price_vnd: z.number().nullable(),
      stock: z.number().nullable(),
    })
  ),
  /** the current certificate, to read: a producer never edits it */
  certification: z
    .object({
      id: z.string(),
      stars: z.number(),
      status: certificationStatus,
      valid_until: z.string().nullable(),
      decision_number: z.string().nullable(),
      read_only: z.literal(true).optional(),
    })
    .nullable(),
})

export const MEMBER_ROLES = ["owner", "member"] as const

/** GET /producer/me — the signed-in member, its producer (with the story's markdown the portal edits) and its claims. */
export const producerMe = z.object({
  member: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(MEMBER_ROLES),
    producer_id: z.string().nullable(),
  }),
  producer: producerCard.extend({ story: z.string().nullable() }).nullable(),
  claims: z.array(z.object({ id: z.string(), producer_id: z.string(), status: z.enum(CLAIM_STATUSES), created_at: z.string() })),
})

/** GET /producer/dashboard — the last 30 days' sales, variants running low, certificates ending within 30 or 90 days. */
export const producerDashboard = z.object({
  sales_last_30_days: z.object({ orders: z.number(), units: z.number(), revenue_vnd: z.number() }),
  low_stock: z.array(
    z.object({ product_id: z.string(), product_title: z.string(), variant_id: z.string(), variant_title: z.string(), available: z.number() })
  ),
  low_stock_threshold: z.number(),
  certificate_reminders: z.array(
    z.object({
      product_id: z.string(),
      product_title: z.string(),
      certification_id: z.string(),
      stars: z.number(),
      valid_until: z.string(),
      days_left: z.number(),
      /** the reminder window the certificate is in (30 or 90 days) */
      reminder: z.number().nullable(),
    })
  ),
})

export type ProducerProduct = z.infer<typeof producerProduct>
export type ProducerMe = z.infer<typeof producerMe>
export type ProducerDashboard = z.infer<typeof producerDashboard>
