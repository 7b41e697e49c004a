import { z } from "@medusajs/framework/zod"
import { provinceCodes } from "../../curator/validators"

const scope = z.enum(["province", "national"], { message: "scope: province hoặc national / province or national" })

// A provincial curator needs its provinces; the national office covers all 34 and names none.
const provincesMatchScope = (body: { scope?: string; province_codes?: string[] }) =>
  body.scope === "national" ? !body.province_codes?.length : body.scope === undefined || !!body.province_codes?.length

export const AdminCreateCuratorInvite = z
  .strictObject({
    email: z.email({ message: "email: không phải địa chỉ email / not a valid email address" }).transform((e) => e.toLowerCase()),
    scope: scope.default("province"),
    province_codes: provinceCodes.optional(),
    expires_in_days: z
      .number({ message: "expires_in_days: 1–30" })
      .int("expires_in_days: 1–30")
      .min(1, "expires_in_days: 1–30")
      .max(30, "expires_in_days: 1–30")
      .default(7),
  })
  .refine(provincesMatchScope, {
    message: "province_codes: cần cho cán bộ tỉnh, bỏ trống cho cấp quốc gia / required for a province curator, empty for national",
  })
export type AdminCreateCuratorInvite = z.infer<typeof AdminCreateCuratorInvite>

export const AdminUpdateCurator = z
  .strictObject({
    scope: scope.optional(),
    province_codes: provinceCodes.optional(),
    name: z
      .string()
      .trim()
      .min(1, "name: không được để trống / must not be empty")
      .max(200, "name: tối đa 200 ký tự / at most 200 characters")
      .optional(),
    active: z.boolean({ message: "active: true hoặc false / true or false" }).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "body: không có gì để cập nhật / nothing to update" })
  .refine((b) => !(b.scope === "national" && b.province_codes?.length), {
    message: "province_codes: cấp quốc gia không gắn tỉnh / a national curator has no provinces",
  })
export type AdminUpdateCurator = z.infer<typeof AdminUpdateCurator>

export const AdminListCurators = z.strictObject({
  province: z.string().optional(),
  active: z.enum(["true", "false"], { message: "active: true hoặc false / true or false" }).optional(),
  limit: z.coerce.number({ message: "limit: 1–200" }).int("limit: 1–200").min(1, "limit: 1–200").max(200, "limit: 1–200").default(50),
  offset: z.coerce.number({ message: "offset: ≥ 0" }).int("offset: ≥ 0").min(0, "offset: ≥ 0").default(0),
})
export type AdminListCurators = z.infer<typeof AdminListCurators>
