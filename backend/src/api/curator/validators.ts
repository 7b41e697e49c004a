import { z } from "@medusajs/framework/zod"
import { CURATOR_LOT_FILTERS } from "@ocop/contracts"
import { CERTIFYING_LEVELS, EFFECTIVE_CERTIFICATION_STATUSES, MAX_STARS, MIN_STARS, STAR_TIER_MESSAGE } from "@ocop/domain"
import { getProvince } from "@ocop/domain/places"
import { getProductGroup } from "@ocop/domain/taxonomy"
import { provinceCode as province, requiredText as text } from "../utils/zod-fields"

const isoDate = (field: string) =>
  z
    .string({ message: `${field}: ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field}: ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: `${field}: ngày không có thật / not a real calendar date`,
    })

const decisionNumber = text("decision_number", 100)
const certifyingLevel = z.enum(CERTIFYING_LEVELS, {
  message: "certifying_level: district, province hoặc national / district, province or national",
})
const stars = z.number({ message: STAR_TIER_MESSAGE }).int(STAR_TIER_MESSAGE).min(MIN_STARS, STAR_TIER_MESSAGE).max(MAX_STARS, STAR_TIER_MESSAGE)
const groupCode = z
  .string({ message: "product_group_code: phải là mã nhóm QĐ 148 / must be a QĐ 148 group code" })
  .refine((v) => !!getProductGroup(v), {
    message: "product_group_code: không phải mã nhóm QĐ 148 (vd. I.2.b) / not a QĐ 148 group code (e.g. I.2.b)",
  })

/** Province codes of the 34-province system, as @ocop/domain/places lists them. */
export const provinceCodes = z
  .array(
    // Messages of items get their full path in front ("province_codes.1: …").
    z.string({ message: "mã tỉnh là chuỗi / a province code is text" }).refine((code) => !!getProvince(code), {
      message: "không phải mã của 34 tỉnh, thành / not a code of the 34 provinces",
    }),
    { message: "province_codes: danh sách mã tỉnh / a list of province codes" }
  )
  .min(1, "province_codes: cần ít nhất một tỉnh / at least one province")
  .max(34, "province_codes: tối đa 34 tỉnh / at most 34 provinces")
  .transform((codes) => [...new Set(codes)].sort())

const limit = z.coerce
  .number({ message: "limit: phải là số / must be a number" })
  .int("limit: 1–100")
  .min(1, "limit: 1–100")
  .max(100, "limit: 1–100")
  .default(20)
const offset = z.coerce.number({ message: "offset: phải là số / must be a number" }).int("offset: ≥ 0").min(0, "offset: ≥ 0").default(0)

export const CuratorAcceptInvite = z.strictObject({ token: text("token", 200), name: text("name", 200) })
export type CuratorAcceptInvite = z.infer<typeof CuratorAcceptInvite>

export const EFFECTIVE_STATUSES = EFFECTIVE_CERTIFICATION_STATUSES
export const CERTIFICATE_SORTS = ["-decision_date", "decision_date", "valid_until", "-valid_until", "-stars", "stars", "-created_at"] as const

export const CuratorListCertificates = z.strictObject({
  status: z
    .enum(EFFECTIVE_STATUSES, {
      message: `status: một trong / one of ${EFFECTIVE_STATUSES.join(", ")}`,
    })
    .optional(),
  stars: z.coerce.number({ message: STAR_TIER_MESSAGE }).pipe(stars).optional(),
  province: province.optional(),
  q: text("q", 200).optional(),
  sort: z.enum(CERTIFICATE_SORTS, { message: `sort: một trong / one of ${CERTIFICATE_SORTS.join(", ")}` }).default("-decision_date"),
  limit,
  offset,
})
export type CuratorListCertificates = z.infer<typeof CuratorListCertificates>

/**
 * Completing or correcting a certificate's decision, or revoking it — one or the other per request, so a history
 * entry says exactly what happened. Stars change only through a re-rating (a new certificate).
 */
export const CuratorUpdateCertificate = z
  .strictObject({
    decision_number: decisionNumber.optional(),
    decision_date: isoDate("decision_date").optional(),
    certifying_level: certifyingLevel.optional(),
    valid_until: isoDate("valid_until").optional(),
    note: text("note", 500).optional(),
    revoke: z
      .strictObject(
        {
          decision_number: text("revoke.decision_number", 100),
          decision_date: isoDate("revoke.decision_date"),
          reason: text("revoke.reason", 500),
        },
        { message: "revoke: cần decision_number, decision_date, reason / needs decision_number, decision_date, reason" }
      )
      .optional(),
    stars: z.undefined({
      message: "stars: đổi hạng sao là đánh giá lại (POST /curator/products/:id/certifications) / a change of stars is a re-rating",
    }),
  })
  .refine((b) => !(b.revoke && (b.decision_number || b.decision_date || b.certifying_level || b.valid_until || b.note)), {
    message: "revoke: thu hồi không kèm sửa thông tin khác / a revocation comes without corrections",
  })
  .refine((b) => !!(b.revoke || b.decision_number || b.decision_date || b.certifying_level || b.valid_until), {
    message: "body: không có gì để cập nhật / nothing to update",
  })
export type CuratorUpdateCertificate = z.infer<typeof CuratorUpdateCertificate>

/** A re-rating by the provincial council: a new decision with its stars; the product's old certificate is superseded. */
export const CuratorCertifyProduct = z.strictObject({
  stars,
  decision_number: decisionNumber,
  decision_date: isoDate("decision_date"),
  certifying_level: certifyingLevel.optional(),
  valid_until: isoDate("valid_until").optional(),
  product_group_code: groupCode.optional(),
  potential_five_star: z.boolean({ message: "potential_five_star: true hoặc false / true or false" }).optional(),
  score: z.number({ message: "score: 0–100" }).min(0, "score: 0–100").max(100, "score: 0–100").optional(),
  province: province.optional(),
  note: text("note", 500).optional(),
})
export type CuratorCertifyProduct = z.infer<typeof CuratorCertifyProduct>

export const CuratorListClaims = z.strictObject({
  status: z
    .enum(["pending", "approved", "rejected"], { message: "status: pending, approved hoặc rejected / pending, approved or rejected" })
    .default("pending"),
  limit,
  offset,
})
export type CuratorListClaims = z.infer<typeof CuratorListClaims>

/** The console's lot list: all lots, only flagged ones (possibly counterfeit labels) or only recalled ones. */
export const CuratorListLots = z.strictObject({
  filter: z.enum([...CURATOR_LOT_FILTERS], { message: "filter: all, flagged hoặc recalled / all, flagged or recalled" }).default("all"),
  limit,
  offset,
})
export type CuratorListLots = z.infer<typeof CuratorListLots>

/** The register export's period for the summary figures (new, re-recognised, expired, revoked); default this year. */
export const CuratorExportRegister = z
  .strictObject({
    from: isoDate("from").optional(),
    to: isoDate("to").optional(),
    province: province.optional(),
  })
  .refine((q) => !(q.from && q.to && q.from > q.to), { message: "from: phải trước to / must not be after to" })
export type CuratorExportRegister = z.infer<typeof CuratorExportRegister>

/** A curator hides a listing of its province (e.g. a product no longer made) or shows it again, always with a reason. */
export const CuratorSetListingVisibility = z.strictObject({
  hidden: z.boolean({ message: "hidden: true hoặc false / true or false" }),
  reason: text("reason", 500),
})
export type CuratorSetListingVisibility = z.infer<typeof CuratorSetListingVisibility>

export const CuratorListReminders = z.strictObject({
  certificate_id: text("certificate_id", 100).optional(),
  from: isoDate("from").optional(),
  limit,
  offset,
})
export type CuratorListReminders = z.infer<typeof CuratorListReminders>

export const CuratorListImports = z.strictObject({ limit, offset })
export type CuratorListImports = z.infer<typeof CuratorListImports>

// The multipart fields beside the file: a curator imports a list of certifications (revoking goes through the
// register, one decision at a time).
export const CuratorImportFileFields = z.strictObject({})
