import { z } from "zod"
import { certificationStatus } from "./certification"

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

/** GET /producer/me */
export const producerMe = z.object({
  member: z.object({ id: z.string(), name: z.string().nullable().optional(), email: z.string().nullable().optional() }).passthrough(),
  producer: z.object({ id: z.string(), name: z.string(), handle: z.string() }).passthrough().nullable(),
  claims: z.array(z.object({ id: z.string(), producer_id: z.string(), status: z.string() })).default([]),
})

/** GET /producer/dashboard */
export const producerDashboard = z.object({
  sales_last_30_days: z.object({ orders: z.number(), units: z.number(), revenue_vnd: z.number() }),
  low_stock: z.array(z.object({ product_id: z.string(), product_title: z.string(), variant_title: z.string(), available: z.number() })),
  certificate_reminders: z.array(
    z.object({ product_id: z.string(), product_title: z.string(), valid_until: z.string(), days_left: z.number(), reminder: z.number() })
  ),
})

export const producerOrder = z.object({
  id: z.string(),
  display_id: z.number().nullable(),
  created_at: z.string(),
  subtotal: z.number(),
  items: z.array(
    z
      .object({
        id: z.string(),
        product_id: z.string().nullable().optional(),
        title: z.string().nullable().optional(),
        product_title: z.string().nullable().optional(),
        variant_title: z.string().nullable().optional(),
        quantity: z.number(),
      })
      .passthrough()
  ),
  shipment: z.object({ status: z.string(), carrier: z.string().nullable(), tracking_number: z.string().nullable() }).passthrough().nullable(),
})

/**
 * What the buyer gets back for a canceled part (its lines and its delivery fee, in đồng) and whether the provider
 * that took the money already sent it (`refunded`, Stripe) or the operator still has to (`pending`).
 */
export const partRefund = z.object({
  id: z.string(),
  amount: z.number().int(),
  status: z.enum(["pending", "refunded"]),
  provider_id: z.string().nullable(),
  payment_id: z.string().nullable(),
})

export type ProducerProduct = z.infer<typeof producerProduct>
export type ProducerMe = z.infer<typeof producerMe>
export type ProducerDashboard = z.infer<typeof producerDashboard>
export type ProducerOrder = z.infer<typeof producerOrder>
export type PartRefund = z.infer<typeof partRefund>
