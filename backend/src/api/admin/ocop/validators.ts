import { z } from "@medusajs/framework/zod"
import { CERTIFICATION_STATUSES, CERTIFYING_LEVELS, MAX_STARS, MIN_STARS, PRODUCER_TYPES, STAR_TIER_MESSAGE } from "@ocop/domain"
import { getCommune } from "@ocop/domain/places"
import { getProductGroup } from "@ocop/domain/taxonomy"
import { provinceParam } from "../../store/ocop/validators"

const isoDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field}: use YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: `${field}: not a real calendar date`,
    })

const groupCode = z.string().refine((v) => !!getProductGroup(v), { message: "product_group_code: not a QĐ 148 group code (e.g. I.2.b)" })

const communeCode = z.string().refine((v) => !!getCommune(v), { message: "commune_code: unknown commune code" })

// Stars are checked here for a friendly message; the database constraint is the real guard.
const stars = z
  .number({ message: "stars: must be a number" })
  .int("stars: must be a whole number")
  .min(MIN_STARS, STAR_TIER_MESSAGE)
  .max(MAX_STARS, STAR_TIER_MESSAGE)

const text = (field: string, max = 500) => z.string().trim().max(max, `${field}: at most ${max} characters`)

/** What an operator may state about a certificate, whether granting it or correcting it. */
const certificateFields = {
  potential_five_star: z.boolean().optional(),
  score: z.number().min(0, "score: 0–100").max(100, "score: 0–100").nullable().optional(),
  product_group_code: groupCode.nullable().optional(),
  decision_number: text("decision_number", 100).nullable().optional(),
  decision_date: isoDate("decision_date").nullable().optional(),
  certifying_level: z.enum(CERTIFYING_LEVELS, { message: "certifying_level: district, province or national" }).optional(),
  valid_until: isoDate("valid_until").nullable().optional(),
  commune_code: communeCode.nullable().optional(),
}

export const AdminCertifyProduct = z
  .object({
    ...certificateFields,
    stars,
    province: provinceParam,
    province_as_listed: text("province_as_listed", 200).nullable().optional(),
    district_as_listed: text("district_as_listed", 200).nullable().optional(),
    commune_as_listed: text("commune_as_listed", 200).nullable().optional(),
    note: text("note").nullable().optional(),
  })
  .strict()

export const AdminUpdateCertification = z
  .object({
    ...certificateFields,
    stars: stars.optional(),
    status: z.enum(CERTIFICATION_STATUSES, { message: "status: active, expired, revoked or superseded" }).optional(),
    status_reason: text("status_reason").nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "body: nothing to update" })

export const AdminAssignProducer = z
  .object({
    name: text("name", 300).min(2, "name: required"),
    type: z
      .enum(PRODUCER_TYPES, { message: `type: one of ${PRODUCER_TYPES.join(", ")}` })
      .nullable()
      .optional(),
    province: provinceParam,
    commune_code: communeCode.nullable().optional(),
    address: text("address").nullable().optional(),
    phone: text("phone", 40).nullable().optional(),
    email: z.string().email("email: not an e-mail address").nullable().optional(),
    website: z.string().url("website: not a URL").nullable().optional(),
    story: text("story", 20000).nullable().optional(),
    women_led: z.boolean({ message: "women_led: true, false or null (unknown)" }).nullable().optional(),
    ethnic_minority_led: z.boolean({ message: "ethnic_minority_led: true, false or null (unknown)" }).nullable().optional(),
  })
  .strict()

export const AdminListCertifications = z
  .object({
    status: z.enum(CERTIFICATION_STATUSES, { message: "status: active, expired, revoked or superseded" }).optional(),
    province: provinceParam.optional(),
    limit: z.coerce.number().int().min(1, "limit: at least 1").max(200, "limit: at most 200").default(50),
    offset: z.coerce.number().int().min(0, "offset: at least 0").default(0),
  })
  .strict()
