import { z } from "zod"
import { STAR_TIERS } from "@ocop/domain"
import { getCommune, getProvince } from "@ocop/domain/places"
import { PRODUCER_TYPES } from "@ocop/domain"
import { getProductGroup } from "@ocop/domain/taxonomy"
import { containsMarkup } from "./text-rules"
import { importRowError } from "@ocop/contracts"

/**
 * The normalised certification record: the shape the importer hands to the backend. Field names are the
 * snake_case of the samples' ground truth (`*.expected.ndjson`), plus fields the marketplace needs.
 *
 * This one schema is the gate of both import paths: the file reader checks each normalised row with it and the
 * backend checks each JSON row with it, so a row the file path refuses is refused on the JSON path too. Every
 * text field has a length limit and refuses markup; codes must name a real province, commune and product group,
 * so a row that passes here cannot be refused later by the database half-way through an import.
 * Messages start with the field, Vietnamese then English; `params.code` is the row-error code.
 */

/** Longest text each field may hold. Real lists stay far below (longest sample name: 63 characters). */
export const TEXT_LIMITS = {
  product_name: 300,
  producer_name: 300,
  province_as_listed: 100,
  district_as_listed: 100,
  commune_as_listed: 100,
  province_name_2025: 100,
  decision_number: 100,
  address_as_listed: 500,
  note: 500,
} as const
type TextField = keyof typeof TEXT_LIMITS

function text(field: TextField) {
  const max = TEXT_LIMITS[field]
  return z
    .string({ message: `${field}: phải là chuỗi ký tự / must be a string` })
    .min(1, `${field}: không được để trống / must not be empty`)
    .max(max, `${field}: dài quá ${max} ký tự / longer than ${max} characters`)
    .refine((value) => !containsMarkup(value), {
      message: `${field}: chứa mã HTML hoặc script, không được phép / HTML or script markup is not allowed`,
      params: { code: "markup_not_allowed" },
    })
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)
}

function isoDate(field: "decision_date" | "valid_until") {
  return z
    .string({ message: `${field}: phải là ngày YYYY-MM-DD / must be a YYYY-MM-DD date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field}: phải là ngày YYYY-MM-DD / must be a YYYY-MM-DD date`)
    .refine(isRealDate, { message: `${field}: không phải ngày có thật / not a real calendar date`, params: { code: "invalid_date" } })
}

export const certificationRecordSchema = z
  .object({
    product_name: text("product_name"),
    producer_name: text("producer_name").nullable(),
    stars: z
      .union(
        STAR_TIERS.map((tier) => z.literal(tier)),
        { message: "stars: hạng sao phải là 3, 4 hoặc 5 / must be 3, 4 or 5" }
      )
      .nullable(),
    potential_five_star: z.boolean({ message: "potential_five_star: phải là true/false / must be a boolean" }),
    score: z
      .number({ message: "score: phải là số / must be a number" })
      .min(0, "score: từ 0 đến 100 / between 0 and 100")
      .max(100, "score: từ 0 đến 100 / between 0 and 100")
      .nullable(),
    province_as_listed: text("province_as_listed"),
    district_as_listed: text("district_as_listed").nullable(),
    commune_as_listed: text("commune_as_listed").nullable(),
    province_code_2025: z
      .string({ message: "province_code_2025: phải là mã 2 chữ số / must be a 2-digit code" })
      .regex(/^\d{2}$/, "province_code_2025: phải là mã 2 chữ số / must be a 2-digit code")
      .refine((code) => !!getProvince(code), {
        message: "province_code_2025: tỉnh/thành phố không có trong danh mục / not one of the provinces in force since 2025",
        params: { code: "unknown_province" },
      }),
    province_name_2025: text("province_name_2025"),
    decision_number: text("decision_number").nullable(),
    decision_date: isoDate("decision_date").nullable(),
    source_row: z
      .number({ message: "source_row: phải là số dòng / must be a row number" })
      .int("source_row: phải là số nguyên dương / must be a positive integer")
      .positive("source_row: phải là số nguyên dương / must be a positive integer")
      .max(10_000_000, "source_row: quá lớn / too large"),
    producer_type: z.enum(PRODUCER_TYPES, { message: `producer_type: một trong ${PRODUCER_TYPES.join(", ")} / one of them` }).nullable(),
    commune_code_2025: z
      .string({ message: "commune_code_2025: phải là mã số / must be a numeric code" })
      .regex(/^\d{1,10}$/, "commune_code_2025: phải là mã số / must be a numeric code")
      .nullable(),
    product_group_code: z
      .string({ message: "product_group_code: phải là mã nhóm QĐ 148 / must be a QĐ 148 group code" })
      .regex(/^[IV]+(?:\.\d(?:\.[a-d])?)?$/, "product_group_code: phải là mã nhóm QĐ 148 / must be a QĐ 148 group code (e.g. I.2.b)")
      .refine((code) => !!getProductGroup(code), {
        message: "product_group_code: không có trong danh mục QĐ 148 / not a QĐ 148 group code",
        params: { code: "unknown_product_group" },
      })
      .nullable(),
    valid_until: isoDate("valid_until").nullable(),
    address_as_listed: text("address_as_listed").nullable(),
    /** led by women / by an ethnic minority, when the list has such a column: absent or null = not stated */
    women_led: z.boolean({ message: "women_led: phải là true/false / must be a boolean" }).nullable().optional(),
    ethnic_minority_led: z.boolean({ message: "ethnic_minority_led: phải là true/false / must be a boolean" }).nullable().optional(),
    /** a remark about this rating typed after the product's name ("đánh giá lại", "nâng hạng"); the rating event's note */
    note: text("note").nullable().optional(),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.stars === null && !record.potential_five_star) {
      ctx.addIssue({
        code: "custom",
        path: ["stars"],
        message: "stars: chỉ được để trống khi là sản phẩm tiềm năng 5 sao / may be null only for a potential 5-star entry",
        params: { code: "missing_stars" },
      })
    }
    // The codes must agree with each other: the database and the catalogue pages trust them.
    const province = getProvince(record.province_code_2025)
    if (province && record.province_name_2025 !== province.name) {
      ctx.addIssue({
        code: "custom",
        path: ["province_name_2025"],
        message: `province_name_2025: không khớp mã tỉnh ${province.code} (${province.name}) / does not match province_code_2025`,
        params: { code: "unknown_province" },
      })
    }
    // Only that the commune exists: the parser resolves some communes to a neighbouring province's ward (row 34 of
    // the synthetic list, seed 11: Hà Nội's Hồng Sơn for a row in another province), a finding for the place data.
    if (record.commune_code_2025 !== null && !getCommune(record.commune_code_2025)) {
      ctx.addIssue({
        code: "custom",
        path: ["commune_code_2025"],
        message: "commune_code_2025: xã/phường không có trong danh mục / not a commune in force since 2025",
        params: { code: "unknown_commune" },
      })
    }
    if (record.decision_date && record.valid_until && record.valid_until <= record.decision_date) {
      ctx.addIssue({
        code: "custom",
        path: ["valid_until"],
        message: "valid_until: phải sau ngày quyết định / must be after decision_date",
        params: { code: "invalid_date" },
      })
    }
  })

export type CertificationRecord = z.infer<typeof certificationRecordSchema>

/** One reason a data row was rejected (a row may have several): the import contract's row error, one home. */
export const rowErrorSchema = importRowError
export type RowError = z.infer<typeof rowErrorSchema>

/** The 13 keys of the samples' ground truth, in its order. */
export const EXPECTED_KEYS = [
  "product_name",
  "producer_name",
  "stars",
  "potential_five_star",
  "score",
  "province_as_listed",
  "district_as_listed",
  "commune_as_listed",
  "province_code_2025",
  "province_name_2025",
  "decision_number",
  "decision_date",
  "source_row",
] as const satisfies readonly (keyof CertificationRecord)[]

export type ExpectedShape = Pick<CertificationRecord, (typeof EXPECTED_KEYS)[number]>

/** The record reduced to the samples' 13 keys, in their order (for NDJSON output and comparisons). */
export function toExpectedShape(record: CertificationRecord): ExpectedShape {
  const shaped: Record<string, unknown> = {}
  for (const key of EXPECTED_KEYS) shaped[key] = record[key]
  return shaped as ExpectedShape
}
