import { z } from "zod"
import { certification } from "./certification"
import { place } from "./common"
import { CURATOR_SCOPES, curatorAccount } from "./curator"
import { partRefund } from "./orders"
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

/** An invite to the curator console not yet accepted. */
export const curatorInvite = z.object({
  id: z.string(),
  email: z.string(),
  scope: z.enum(CURATOR_SCOPES),
  province_codes: z.array(z.string()),
  expires_at: z.string(),
  created_at: z.string().optional(),
})

/** GET /admin/curators — the accounts, the invites still open and the 34 provinces a curator can be given. */
export const adminCuratorList = z.object({
  curators: z.array(curatorAccount),
  count: z.number(),
  offset: z.number(),
  limit: z.number(),
  open_invites: z.array(curatorInvite),
  provinces: z.array(place),
})
/** POST /admin/curators/invites — the invite, its token and the console link (shown once). */
export const createdCuratorInvite = z.object({ invite: curatorInvite, token: z.string(), link: z.string() })
/** POST /admin/curators/:id */
export const adminCuratorAnswer = z.object({ curator: curatorAccount })

export type CuratorInvite = z.infer<typeof curatorInvite>
export type AdminCuratorList = z.infer<typeof adminCuratorList>
export type CreatedCuratorInvite = z.infer<typeof createdCuratorInvite>
export type AdminCuratorAnswer = z.infer<typeof adminCuratorAnswer>
