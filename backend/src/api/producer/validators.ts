import { z } from "@medusajs/framework/zod"

// Messages name the field first, in Vietnamese then English: producers read the portal in Vietnamese.
// Top-level fields carry their name; inside arrays parseRequest prefixes the full path (variants.0.price_vnd).
const label = (field?: string) => (field ? `${field}: ` : "")

const text = (max: number, field?: string) =>
  z
    .string({ message: `${label(field)}phải là chuỗi ký tự / must be text` })
    .trim()
    .min(1, `${label(field)}không được để trống / must not be empty`)
    .max(max, `${label(field)}tối đa ${max} ký tự / at most ${max} characters`)

const vnd = z
  .number({ message: "phải là số tiền VND / must be an amount in VND" })
  .int("VND không có phần lẻ / VND has no decimals")
  .min(1000, "tối thiểu 1.000 ₫ / at least 1,000 VND")
  .max(1_000_000_000, "tối đa 1.000.000.000 ₫ / at most 1,000,000,000 VND")

const quantity = z
  .number({ message: "phải là số / must be a number" })
  .int("phải là số nguyên / must be a whole number")
  .min(0, "không được âm / must not be negative")
  .max(1_000_000, "tối đa 1.000.000 / at most 1,000,000")

const readOnly = (field: string) =>
  z.undefined({
    message: `${field}: hạng sao và chứng nhận OCOP chỉ đọc, lấy từ quyết định công nhận / stars and certification are read-only (they come from the certification list)`,
  })

// Yes / no / not stated: null keeps the unknown apart from "no" on the curators' dashboard.
const statedFact = (field: string) =>
  z
    .boolean({ message: `${field}: true, false hoặc null (chưa rõ) / true, false or null (not stated)` })
    .nullable()
    .optional()

/** The producer's own profile facts (portal profile form). */
export const ProducerUpdateProducer = z
  .strictObject({ women_led: statedFact("women_led"), ethnic_minority_led: statedFact("ethnic_minority_led") })
  .refine((body) => Object.keys(body).length > 0, { message: "body: chưa có gì để lưu / nothing to update" })
export type ProducerUpdateProducer = z.infer<typeof ProducerUpdateProducer>

/** A delivery amount in whole đồng, 0 allowed (free delivery); null = back to the operator's default. */
const shippingAmount = (field: string) =>
  z
    .number({ message: `${field}: phải là số tiền VND hoặc null (mặc định) / must be an amount in VND or null (default)` })
    .int(`${field}: VND không có phần lẻ / VND has no decimals`)
    .min(0, `${field}: không được âm / must not be negative`)
    .max(100_000_000, `${field}: tối đa 100.000.000 ₫ / at most 100,000,000 VND`)
    .nullable()
    .optional()

/** POST /producer/shipping: the producer's flat delivery fee and free-shipping threshold (issue 15 point 3). */
export const ProducerUpdateShipping = z
  .strictObject({ shipping_fee: shippingAmount("shipping_fee"), free_shipping_from: shippingAmount("free_shipping_from") })
  .refine((body) => Object.keys(body).length > 0, { message: "body: chưa có gì để lưu / nothing to update" })
export type ProducerUpdateShipping = z.infer<typeof ProducerUpdateShipping>

export const ProducerCreateMember = z.strictObject({ name: text(200, "name") })
export type ProducerCreateMember = z.infer<typeof ProducerCreateMember>

export const ProducerAcceptInvite = z.strictObject({ token: text(200, "token"), name: text(200, "name") })
export type ProducerAcceptInvite = z.infer<typeof ProducerAcceptInvite>

export const ProducerCreateClaim = z.strictObject({
  producer_id: text(100, "producer_id"),
  message: text(2000, "message").optional(),
})
export type ProducerCreateClaim = z.infer<typeof ProducerCreateClaim>

export const ProducerListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, "limit: 1–100").max(100, "limit: 1–100").default(20),
  offset: z.coerce.number().int().min(0, "offset: ≥ 0").default(0),
})
export type ProducerListQuery = z.infer<typeof ProducerListQuery>

const VariantUpdate = z.strictObject({
  id: text(100),
  title: text(200).optional(),
  price_vnd: vnd.optional(),
  stock: quantity.optional(),
})

export const ProducerUpdateProduct = z.strictObject({
  title: text(200, "title").optional(),
  description: z.string().trim().max(5000, "description: tối đa 5000 ký tự / at most 5000 characters").nullable().optional(),
  // The story belongs to the producer and shows on all its products; rendered as sanitised markdown.
  story: z.string().trim().max(10_000, "story: tối đa 10000 ký tự / at most 10000 characters").nullable().optional(),
  status: z.enum(["published", "draft"], { message: "status: published hoặc draft / published or draft" }).optional(),
  variants: z.array(VariantUpdate).max(50, "variants: at most 50").optional(),
  stars: readOnly("stars"),
  certification: readOnly("certification"),
  certifications: readOnly("certifications"),
  ocop: readOnly("ocop"),
  potential_five_star: readOnly("potential_five_star"),
})
export type ProducerUpdateProduct = z.infer<typeof ProducerUpdateProduct>

export const ProducerUploadPhotos = z.strictObject({
  thumbnail: z.enum(["true", "false"], { message: "thumbnail: true or false" }).default("true"),
})

export const ProducerCreateFulfillment = z
  .strictObject({
    status: z.enum(["packed", "shipped"], { message: "status: packed hoặc shipped / packed or shipped" }),
    carrier: text(100, "carrier").optional(),
    tracking_number: text(100, "tracking_number")
      .regex(/^[A-Za-z0-9-]+$/, "tracking_number: chỉ chữ, số và dấu gạch / letters, digits and dashes only")
      .optional(),
    // Which lot(s) each of the producer's lines came from (issue 17): a recall then finds this order. Omitted: the
    // lots named before stay; given: they replace the part's earlier choices.
    // A line split over several lots says how many units came from each (quantity); one lot alone may omit it.
    lots: z
      .array(
        z.strictObject({
          line_item_id: text(100, "line_item_id"),
          lot_id: text(100, "lot_id"),
          quantity: z
            .number({ message: "phải là số / must be a number" })
            .int("phải là số nguyên / must be a whole number")
            .min(1, "ít nhất 1 / at least 1")
            .max(100_000, "tối đa 100.000 / at most 100,000")
            .optional(),
        }),
        { message: "lots: phải là danh sách { line_item_id, lot_id, quantity? } / must be a list of { line_item_id, lot_id, quantity? }" }
      )
      .max(200, "lots: tối đa 200 / at most 200")
      .optional(),
  })
  .refine((v) => v.status !== "shipped" || !!v.tracking_number, {
    message: "tracking_number: cần mã vận đơn khi đã gửi hàng / required when status is shipped",
    path: ["tracking_number"],
  })
export type ProducerCreateFulfillment = z.infer<typeof ProducerCreateFulfillment>

/** A pack size a producer adds to a listing (a showcase listing becomes purchasable with its first one). */
export const ProducerAddVariant = z.strictObject({
  title: text(100, "title"),
  price_vnd: vnd,
  stock: quantity.optional(),
})
export type ProducerAddVariant = z.infer<typeof ProducerAddVariant>
