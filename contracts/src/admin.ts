import { z } from "zod"
import { certification } from "./certification"
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
