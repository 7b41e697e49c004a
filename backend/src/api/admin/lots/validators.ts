import { z } from "@medusajs/framework/zod"

export const AdminListLotRecalls = z.strictObject({
  limit: z.coerce
    .number({ message: "limit: phải là số / must be a number" })
    .int("limit: 1–100")
    .min(1, "limit: 1–100")
    .max(100, "limit: 1–100")
    .default(20),
  offset: z.coerce.number({ message: "offset: phải là số / must be a number" }).int("offset: ≥ 0").min(0, "offset: ≥ 0").default(0),
})
export type AdminListLotRecalls = z.infer<typeof AdminListLotRecalls>
