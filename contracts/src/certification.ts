import { EFFECTIVE_CERTIFICATION_STATUSES } from "@ocop/domain"
import { z } from "zod"
import { dateOnly, place } from "./common"

/**
 * The badge's one signal: the effective status (@ocop/domain effectiveCertificationStatus), computed by the
 * backend for today's date in Vietnam. Clients render it; they never recompute validity from dates.
 */
export const certificationStatus = z.enum(EFFECTIVE_CERTIFICATION_STATUSES)

export const productGroupRef = z.object({ code: z.string(), name: z.string(), path: z.array(z.string()) })

export const certificationOrigin = z.object({
  province_as_listed: z.string().nullable(),
  district_as_listed: z.string().nullable(),
  commune_as_listed: z.string().nullable(),
  province: place.nullable(),
  commune: place.nullable(),
  /** "formerly Bắc Kạn" when the list used a pre-2025 province name */
  formerly: z.string().nullable(),
})

/** Who wrote a history entry: only on staff routes (admin, curator); buyers never see officials' names. */
export const recordedBy = z.object({ type: z.string(), id: z.string().nullable(), email: z.string().nullable() })

export const ratingHistoryEntry = z.object({
  kind: z.string(),
  stars: z.number().nullable(),
  previous_stars: z.number().nullable(),
  decision_number: z.string().nullable(),
  decision_date: dateOnly.nullable(),
  note: z.string().nullable(),
  recorded_at: z.string(),
  recorded_by: recordedBy.nullable().optional(),
})

/** A certificate as every route presents it (backend api/utils/present-ocop.ts presentCertification). */
export const certification = z.object({
  id: z.string(),
  stars: z.number(),
  potential_five_star: z.boolean(),
  score: z.number().nullable(),
  product_group: productGroupRef.nullable(),
  decision_number: z.string().nullable(),
  decision_date: dateOnly.nullable(),
  certifying_level: z.string().nullable(),
  valid_from: dateOnly.nullable(),
  valid_until: dateOnly.nullable(),
  status: certificationStatus,
  status_reason: z.string().nullable(),
  origin: certificationOrigin,
  /** present when the route read the certificate's rating events (product detail, staff routes) */
  rating_history: z.array(ratingHistoryEntry).optional(),
})

export type CertificationStatus = z.infer<typeof certificationStatus>
export type Certification = z.infer<typeof certification>
export type RatingHistoryEntry = z.infer<typeof ratingHistoryEntry>
