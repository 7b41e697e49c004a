import { z } from "@medusajs/framework/zod"
import { isSerialCode, SERIALS_PER_REQUEST_MAX, todayInVietnam } from "@ocop/domain"
import { getCommune } from "@ocop/domain/places"
import { LOT_DOCUMENT_KINDS, LOT_STEP_KINDS } from "@ocop/contracts"
import { requiredText as text } from "../../utils/zod-fields"

/** A calendar day "YYYY-MM-DD" that exists, as a Date at midnight UTC. */
const day = (field: string) =>
  z
    .string({ message: `${field}: ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field}: ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${field}: ngày không tồn tại / not a real date`
    )

const pastDay = (field: string) => day(field).refine((v) => v <= todayInVietnam(), `${field}: không được ở tương lai / must not be in the future`)

const toDate = (v: string) => new Date(`${v}T00:00:00Z`)

/**
 * A lot code as printed on the pack and carried in a GS1 Digital Link (AI 10: up to 20 characters); letters, digits,
 * dot and hyphen only, so it needs no escaping in a URL.
 */
export const lotCode = z
  .string({ message: "code: phải là chuỗi ký tự / must be text" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, "code: 1–20 chữ, số, dấu chấm hoặc gạch ngang / 1–20 letters, digits, dots or hyphens")

// Mã số vùng trồng as the plant-protection offices issue it (e.g. VN-TNTC-0012): letters, digits, hyphens, dots.
export const growingAreaCode = z
  .string({ message: "growing_area_code: phải là chuỗi ký tự / must be text" })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9.-]{2,39}$/,
    "growing_area_code: mã số vùng trồng 3–40 chữ, số, dấu chấm, gạch ngang / growing-area code of 3–40 letters, digits, dots, hyphens"
  )

export const communeCode = z
  .string({ message: "commune_code: phải là mã xã / must be a commune code" })
  .trim()
  .refine((code) => !!getCommune(code), "commune_code: không có xã/phường với mã này / no commune has this code")

export const stepKind = z.enum([...LOT_STEP_KINDS], { message: `kind: ${LOT_STEP_KINDS.join(" | ")}` })

const LotStepBody = z.strictObject({
  happened_on: pastDay("happened_on").transform(toDate),
  kind: stepKind,
  note: text("note", 1000),
})

export const ProducerCreateLot = z
  .strictObject({
    product_id: text("product_id", 100),
    code: lotCode,
    made_on: pastDay("made_on"),
    best_before: day("best_before").nullable().optional(),
    quantity: z
      .number({ message: "quantity: phải là số / must be a number" })
      .int("quantity: phải là số nguyên / must be a whole number")
      .min(1, "quantity: ít nhất 1 / at least 1")
      .max(10_000_000, "quantity: tối đa 10.000.000 / at most 10,000,000"),
    growing_area_code: growingAreaCode.nullable().optional(),
    commune_code: communeCode.nullable().optional(),
    steps: z.array(LotStepBody).max(20, "steps: tối đa 20 / at most 20").default([]),
  })
  .refine((b) => !b.best_before || b.best_before >= b.made_on, {
    message: "best_before: hạn dùng phải từ ngày sản xuất trở đi / best-before must not be before the production date",
  })
  .transform((b) => ({
    ...b,
    made_on: toDate(b.made_on),
    best_before: b.best_before ? toDate(b.best_before) : null,
    growing_area_code: b.growing_area_code ?? null,
    commune_code: b.commune_code ?? null,
  }))
export type ProducerCreateLot = z.infer<typeof ProducerCreateLot>

export const ProducerListLots = z.strictObject({
  product_id: text("product_id", 100).optional(),
  limit: z.coerce.number().int().min(1, "limit: 1–100").max(100, "limit: 1–100").default(50),
  offset: z.coerce.number().int().min(0, "offset: ≥ 0").default(0),
})
export type ProducerListLots = z.infer<typeof ProducerListLots>

/** One step from a multipart form (the photo is the optional file `photo`). */
export const ProducerAddLotStep = LotStepBody
export type ProducerAddLotStep = z.infer<typeof ProducerAddLotStep>

export const ProducerAddLotDocument = z.strictObject({
  kind: z.enum([...LOT_DOCUMENT_KINDS], { message: `kind: ${LOT_DOCUMENT_KINDS.join(" | ")}` }),
  title: text("title", 200),
  // A form field: "true" or "false".
  is_public: z.enum(["true", "false"], { message: "is_public: true hoặc false / true or false" }).transform((v) => v === "true"),
})
export type ProducerAddLotDocument = z.infer<typeof ProducerAddLotDocument>

export const RecallLot = z.strictObject({ reason: text("reason", 1000) })
export type RecallLot = z.infer<typeof RecallLot>

export const LabelSheetQuery = z.strictObject({
  layout: z.enum(["3x8", "2x7"], { message: "layout: 3x8 hoặc 2x7 / 3x8 or 2x7" }).default("3x8"),
})
export type LabelSheetQuery = z.infer<typeof LabelSheetQuery>

const serialCount = `count: từ 1 đến ${SERIALS_PER_REQUEST_MAX.toLocaleString("vi-VN")} mã mỗi lần / 1 to ${SERIALS_PER_REQUEST_MAX.toLocaleString("en-GB")} serials per request`

/**
 * A request for per-unit serials. `request_key` is drawn by the client once per request (the portal's form renders
 * one): sending it again returns the same batch, so a retry never issues twice. The lot's cap is checked in the module.
 */
export const IssueLotSerials = z.strictObject({
  count: z.number({ message: serialCount }).int(serialCount).min(1, serialCount).max(SERIALS_PER_REQUEST_MAX, serialCount),
  request_key: z
    .string({ message: "request_key: bắt buộc / required" })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "request_key: 8–64 chữ, số, _ hoặc - / 8–64 letters, digits, _ or -"),
})
export type IssueLotSerials = z.infer<typeof IssueLotSerials>

const batchId = (field: string) =>
  z.string({ message: `${field}: bắt buộc / required` }).regex(/^lserb_[A-Za-z0-9]{1,40}$/, `${field}: mã lượt cấp không hợp lệ / not a batch id`)

export const SerialSheetQuery = z.strictObject({
  batch: batchId("batch"),
  layout: z.enum(["3x8", "2x7"], { message: "layout: 3x8 hoặc 2x7 / 3x8 or 2x7" }).default("3x8"),
})
export type SerialSheetQuery = z.infer<typeof SerialSheetQuery>

const voidSerials = `serials: 1 đến ${SERIALS_PER_REQUEST_MAX.toLocaleString("vi-VN")} mã sê-ri / 1 to ${SERIALS_PER_REQUEST_MAX.toLocaleString("en-GB")} serials`

/**
 * Voiding serials (labels lost, stolen, misprinted): either the serials named (any case, as typed) or one whole batch,
 * never both, always with a reason. Whether they belong to the lot is the module's check (400 naming the field).
 */
export const VoidLotSerials = z
  .strictObject({
    serials: z
      .array(
        z
          .string({ message: "mỗi mã là chuỗi ký tự / each serial is text" })
          .trim()
          .toUpperCase()
          // Named by its place in the list ("serials.2: …").
          .refine(isSerialCode, "mã sê-ri gồm 13 chữ và số / a serial has 13 letters and digits"),
        { message: voidSerials }
      )
      .min(1, voidSerials)
      .max(SERIALS_PER_REQUEST_MAX, voidSerials)
      .optional(),
    batch_id: batchId("batch_id").optional(),
    reason: text("reason", 500),
  })
  .refine((b) => (b.serials === undefined) !== (b.batch_id === undefined), {
    message: "serials: ghi các mã sê-ri hoặc một lượt cấp (batch_id), không cả hai / name the serials or one batch (batch_id), not both",
  })
  .transform((b) => (b.batch_id ? { batch_id: b.batch_id, reason: b.reason } : { codes: b.serials!, reason: b.reason }))
export type VoidLotSerials = z.infer<typeof VoidLotSerials>
