import { z } from "@medusajs/framework/zod"

// Messages name the field first, in Vietnamese then English: producers read the portal in Vietnamese.
const text = (field: string, max: number) =>
  z
    .string({ message: `${field}: phải là chuỗi ký tự / must be text` })
    .trim()
    .min(1, `${field}: không được để trống / must not be empty`)
    .max(max, `${field}: tối đa ${max} ký tự / at most ${max} characters`)

const vnd = (field: string) =>
  z
    .number({ message: `${field}: phải là số tiền VND / must be an amount in VND` })
    .int(`${field}: VND không có phần lẻ / VND has no decimals`)
    .min(1000, `${field}: tối thiểu 1.000 ₫ / at least 1,000 VND`)
    .max(1_000_000_000, `${field}: tối đa 1.000.000.000 ₫ / at most 1,000,000,000 VND`)

const quantity = (field: string) =>
  z
    .number({ message: `${field}: phải là số / must be a number` })
    .int(`${field}: phải là số nguyên / must be a whole number`)
    .min(0, `${field}: không được âm / must not be negative`)
    .max(1_000_000, `${field}: tối đa 1.000.000 / at most 1,000,000`)

const readOnly = (field: string) =>
  z.undefined({
    message: `${field}: hạng sao và chứng nhận OCOP chỉ đọc, lấy từ quyết định công nhận / stars and certification are read-only (they come from the certification list)`,
  })

export const VendorCreateMember = z.strictObject({ name: text("name", 200) })
export type VendorCreateMember = z.infer<typeof VendorCreateMember>

export const VendorAcceptInvite = z.strictObject({ token: text("token", 200), name: text("name", 200) })
export type VendorAcceptInvite = z.infer<typeof VendorAcceptInvite>

export const VendorCreateClaim = z.strictObject({
  producer_id: text("producer_id", 100),
  message: text("message", 2000).optional(),
})
export type VendorCreateClaim = z.infer<typeof VendorCreateClaim>

export const VendorListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, "limit: 1–100").max(100, "limit: 1–100").default(20),
  offset: z.coerce.number().int().min(0, "offset: ≥ 0").default(0),
})
export type VendorListQuery = z.infer<typeof VendorListQuery>

const VariantUpdate = z.strictObject({
  id: text("variants.id", 100),
  title: text("variants.title", 200).optional(),
  price_vnd: vnd("variants.price_vnd").optional(),
  stock: quantity("variants.stock").optional(),
})

export const VendorUpdateProduct = z.strictObject({
  title: text("title", 200).optional(),
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
export type VendorUpdateProduct = z.infer<typeof VendorUpdateProduct>

export const VendorUploadPhotos = z.strictObject({
  thumbnail: z.enum(["true", "false"], { message: "thumbnail: true or false" }).default("true"),
})

export const VendorCreateFulfillment = z
  .strictObject({
    status: z.enum(["packed", "shipped"], { message: "status: packed hoặc shipped / packed or shipped" }),
    carrier: text("carrier", 100).optional(),
    tracking_number: text("tracking_number", 100)
      .regex(/^[A-Za-z0-9-]+$/, "tracking_number: chỉ chữ, số và dấu gạch / letters, digits and dashes only")
      .optional(),
  })
  .refine((v) => v.status !== "shipped" || !!v.tracking_number, {
    message: "tracking_number: cần mã vận đơn khi đã gửi hàng / required when status is shipped",
    path: ["tracking_number"],
  })
export type VendorCreateFulfillment = z.infer<typeof VendorCreateFulfillment>
