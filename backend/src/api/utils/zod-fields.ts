import { z } from "@medusajs/framework/zod"
import { resolveProvince } from "@ocop/domain/places"

// Messages name the field first, Vietnamese then English: the consoles and the portal are read in Vietnamese.

/** Trimmed text that is not empty and at most `max` characters. */
export const requiredText = (field: string, max: number) =>
  z
    .string({ message: `${field}: phải là chuỗi ký tự / must be text` })
    .trim()
    .min(1, `${field}: không được để trống / must not be empty`)
    .max(max, `${field}: tối đa ${max} ký tự / at most ${max} characters`)

/** A province by current or pre-2025 name or by code, as its current code; whether the actor may use it is the route's check. */
export const provinceCode = z.string({ message: "province: phải là tên hoặc mã tỉnh / must be a province name or code" }).transform((value, ctx) => {
  const found = resolveProvince(value)
  if (!found) {
    ctx.addIssue({ code: "custom", message: `province: không có tỉnh "${value}" / unknown province "${value}"` })
    return z.NEVER
  }
  return found.code
})
