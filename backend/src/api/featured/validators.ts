import { z } from "@medusajs/framework/zod"
import { startOfDayInVietnam } from "@ocop/domain"
import { FEATURED_LIST_STATUSES } from "@ocop/contracts"
import { provinceCode as province, requiredText as text } from "../utils/zod-fields"

/** An instant with its offset ("2026-12-01T00:00:00+07:00") or a Vietnamese calendar day ("2026-12-01"). */
const instant = (field: string) =>
  z.string({ message: `${field}: ngày giờ ISO 8601 / an ISO 8601 date or date-time` }).transform((value, ctx) => {
    // A bare day is a day in Vietnam (UTC+7), where the shop's "today" is.
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDayInVietnam(value) : new Date(value)
    if (Number.isNaN(parsed.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      ctx.addIssue({ code: "custom", message: `${field}: ngày giờ ISO 8601 / an ISO 8601 date or date-time` })
      return z.NEVER
    }
    return parsed
  })

export const FEATURED_LIST_MAX_PRODUCTS = 48

/** Ordered product ids; each one's province is checked against the list's in the workflow. */
const products = z
  .array(text("products", 100), { message: "products: danh sách mã sản phẩm / a list of product ids" })
  .min(1, "products: cần ít nhất một sản phẩm / at least one product")
  .max(FEATURED_LIST_MAX_PRODUCTS, `products: tối đa ${FEATURED_LIST_MAX_PRODUCTS} sản phẩm / at most ${FEATURED_LIST_MAX_PRODUCTS} products`)
  .refine((ids) => new Set(ids).size === ids.length, { message: "products: sản phẩm bị lặp / a product is listed twice" })

const endsAfterStart = (v: { starts_at?: Date; ends_at?: Date }) => !v.starts_at || !v.ends_at || v.ends_at > v.starts_at
const ENDS_AFTER_START = { message: "ends_at: phải sau starts_at / must be after starts_at", path: ["ends_at"] }

const listFields = {
  title: text("title", 120),
  description: text("description", 2000).nullable().optional(),
  products,
  starts_at: instant("starts_at"),
  ends_at: instant("ends_at"),
}

/** A curator's new list: `province` is required only for a curator of several provinces. */
export const CuratorCreateFeaturedList = z.strictObject({ ...listFields, province: province.optional() }).refine(endsAfterStart, ENDS_AFTER_START)
export type CuratorCreateFeaturedList = z.infer<typeof CuratorCreateFeaturedList>

/** The operator's list: national unless a province is given. */
export const AdminCreateFeaturedList = z
  .strictObject({ ...listFields, province: province.nullable().optional() })
  .refine(endsAfterStart, ENDS_AFTER_START)
export type AdminCreateFeaturedList = z.infer<typeof AdminCreateFeaturedList>

/** Any of the list's own fields; its province never changes (a list is the province's). */
export const UpdateFeaturedList = z
  .strictObject({
    title: listFields.title.optional(),
    description: listFields.description,
    products: products.optional(),
    starts_at: listFields.starts_at.optional(),
    ends_at: listFields.ends_at.optional(),
  })
  .refine(endsAfterStart, ENDS_AFTER_START)
export type UpdateFeaturedList = z.infer<typeof UpdateFeaturedList>

/** The same products in a new order. */
export const ReorderFeaturedList = z.strictObject({ products })
export type ReorderFeaturedList = z.infer<typeof ReorderFeaturedList>

export const ListFeaturedLists = z.strictObject({
  status: z.enum(FEATURED_LIST_STATUSES, { message: "status: draft hoặc published / draft or published" }).optional(),
  limit: z.coerce.number({ message: "limit: 1–100" }).int("limit: 1–100").min(1, "limit: 1–100").max(100, "limit: 1–100").default(50),
  offset: z.coerce.number({ message: "offset: ≥ 0" }).int("offset: ≥ 0").min(0, "offset: ≥ 0").default(0),
})
export type ListFeaturedLists = z.infer<typeof ListFeaturedLists>

/** The shop's query: one province's active lists, or every active list (national first) without it. */
export const StoreListFeaturedLists = z.strictObject({
  province: province.optional(),
  // Medusa's store client may add these; they do not change the answer.
  fields: z.string().optional(),
})
export type StoreListFeaturedLists = z.infer<typeof StoreListFeaturedLists>
