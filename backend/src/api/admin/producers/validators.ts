import { z } from "@medusajs/framework/zod"

export const AdminCreateProducerInvite = z.strictObject({
  email: z.email({ message: "email: not a valid email address" }).optional(),
  role: z.enum(["owner", "member"], { message: "role: owner or member" }).default("owner"),
  expires_in_days: z.number().int().min(1, "expires_in_days: 1–30").max(30, "expires_in_days: 1–30").default(7),
})
export type AdminCreateProducerInvite = z.infer<typeof AdminCreateProducerInvite>

export const AdminListProducerClaims = z.strictObject({
  status: z.enum(["pending", "approved", "rejected"], { message: "status: pending, approved or rejected" }).optional(),
})
