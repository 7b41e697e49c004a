import { z } from "zod"
import { STAR_TIERS } from "../certification"
import { PRODUCER_TYPES } from "../producers/infer-producer-type"

/**
 * The normalised certification record: the shape the importer hands to the backend. Field names are the
 * snake_case of the samples' ground truth (`*.expected.ndjson`), plus fields the marketplace needs.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
const text = z.string().min(1)

export const certificationRecordSchema = z
  .object({
    product_name: text,
    producer_name: text.nullable(),
    stars: z.union(STAR_TIERS.map((tier) => z.literal(tier))).nullable(),
    potential_five_star: z.boolean(),
    score: z.number().min(0).max(100).nullable(),
    province_as_listed: text,
    district_as_listed: text.nullable(),
    commune_as_listed: text.nullable(),
    province_code_2025: z.string().regex(/^\d{2}$/),
    province_name_2025: text,
    decision_number: text.nullable(),
    decision_date: isoDate.nullable(),
    source_row: z.number().int().positive(),
    producer_type: z.enum(PRODUCER_TYPES).nullable(),
    commune_code_2025: z.string().regex(/^\d+$/).nullable(),
    product_group_code: z.string().regex(/^[IV]+(?:\.\d(?:\.[a-d])?)?$/).nullable(),
    valid_until: isoDate.nullable(),
    address_as_listed: text.nullable(),
    /** a remark about this rating typed after the product's name ("đánh giá lại", "nâng hạng"); the rating event's note */
    note: text.nullable().optional(),
  })
  .strict()
  .refine((record) => record.stars !== null || record.potential_five_star, {
    message: "stars may be null only for a potential 5-star entry",
    path: ["stars"],
  })

export type CertificationRecord = z.infer<typeof certificationRecordSchema>

/** One reason a data row was rejected. A row may have several. */
export const rowErrorSchema = z.object({
  source_row: z.number().int().nonnegative(),
  /** the column header as written in the file (or the field's Vietnamese label for decision prose) */
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** stable English code, e.g. "stars_out_of_range" */
  code: z.string(),
  /** Vietnamese explanation for the provincial staff who fix the file */
  message: z.string(),
})
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
