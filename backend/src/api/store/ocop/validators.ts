import { z } from "@medusajs/framework/zod"
import { isStarTier, STAR_TIER_RULE } from "@ocop/domain"
import { resolveProvince } from "@ocop/domain/places"
import { getProductGroup } from "@ocop/domain/taxonomy"

/** "4", "4,5", ["4","5"] → [4, 5]; anything outside 3–5 is refused with the field named. */
export const starsParam = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim())
  const stars = parts.map(Number)
  const bad = parts.find((p, i) => !/^\d$/.test(p) || !isStarTier(stars[i]))
  if (bad !== undefined) {
    ctx.addIssue({ code: "custom", message: `stars: "${bad}": ${STAR_TIER_RULE}` })
    return z.NEVER
  }
  return [...new Set(stars)]
})

/** A province by current code (19), old code (06) or any current or pre-2025 name ("Bắc Kạn", "bac kan"). */
export const provinceParam = z.string().transform((value, ctx) => {
  const province = resolveProvince(value)
  if (!province) {
    ctx.addIssue({ code: "custom", message: `province: unknown province "${value}"` })
    return z.NEVER
  }
  return province.code
})

export const groupParam = z.string().transform((value, ctx) => {
  if (!getProductGroup(value)) {
    ctx.addIssue({ code: "custom", message: `group: "${value}" is not a QĐ 148 product group code (e.g. I.2.b)` })
    return z.NEVER
  }
  return value
})

const ORDERS = ["created_at", "-created_at", "title", "-title"] as const

export const StoreListOcopProducts = z
  .object({
    q: z.string().trim().max(200, "q: at most 200 characters").optional(),
    stars: starsParam.optional(),
    province: provinceParam.optional(),
    group: groupParam.optional(),
    producer_id: z.string().max(64, "producer_id: too long").optional(),
    region_id: z.string().optional(),
    order: z.enum(ORDERS, { message: `order: one of ${ORDERS.join(", ")}` }).default("-created_at"),
    limit: z.coerce
      .number({ message: "limit: must be a number" })
      .int("limit: must be a whole number")
      .min(1, "limit: at least 1")
      .max(100, "limit: at most 100")
      .default(20),
    offset: z.coerce.number({ message: "offset: must be a number" }).int().min(0, "offset: at least 0").default(0),
  })
  .strict()

export type StoreListOcopProductsType = z.infer<typeof StoreListOcopProducts>

export const StoreGetOcopProduct = z.object({ region_id: z.string().optional() }).strict()
