import { z } from "zod"
import { certification } from "./certification"
import { partRefund } from "./producer"
import { producerCard } from "./store"

// Our admin routes (backend/src/api/admin): what the admin extensions (backend/src/admin) read.

/** GET /admin/products/:id/ocop: the product's certificates (newest first, with who wrote each history entry). */
export const adminProductOcop = z.object({
  product_id: z.string(),
  current_certification_id: z.string().nullable(),
  certifications: z.array(certification),
  producer: producerCard.nullable(),
})

export type AdminProductOcop = z.infer<typeof adminProductOcop>

/** POST /admin/order-parts/:id/cancel: the operator canceled a producer's part; `order_canceled` when it was the last open one. */
export const adminCanceledOrderPart = z.object({
  part: z.object({
    id: z.string(),
    order_id: z.string(),
    producer_id: z.string(),
    status: z.literal("canceled"),
    subtotal: z.number().int(),
    shipping_fee: z.number().int(),
  }),
  refund: partRefund,
  order_canceled: z.boolean(),
})

export type AdminCanceledOrderPart = z.infer<typeof adminCanceledOrderPart>
