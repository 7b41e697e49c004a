import type { CertificationStatus, CertifyingLevel, RatingEventKind } from "@ocop/domain"

export type { CertificationStatus, CertifyingLevel, RatingEventKind }

/** Who wrote a rating-history entry: a curator of a province or the operator (Medusa's `user` actor). */
export type RecordedBy = { type: "curator" | "user"; id: string; email?: string | null }

/** The rating_event columns a RecordedBy fills (all null for imports and the nightly job). */
export function recordedByColumns(by: RecordedBy | null | undefined) {
  return {
    recorded_by_type: by?.type ?? null,
    recorded_by_id: by?.id ?? null,
    recorded_by_email: by?.email ?? null,
  }
}

/** What it takes to issue a certificate; dates are calendar dates (YYYY-MM-DD). */
export type IssueCertificationInput = {
  stars: number
  potential_five_star?: boolean
  score?: number | null
  product_group_code?: string | null
  decision_number?: string | null
  decision_date?: string | null
  certifying_level?: CertifyingLevel
  valid_from?: string | null
  valid_until?: string | null
  status?: CertificationStatus
  province_as_listed?: string | null
  district_as_listed?: string | null
  commune_as_listed?: string | null
  province_code: string
  commune_code?: string | null
  source?: string | null
  import_key?: string | null
  fingerprint?: string | null
  event_kind?: RatingEventKind
  previous_stars?: number | null
  note?: string | null
  recorded_by?: RecordedBy | null
}

/** One province's counts (countCertificationsByProvince): distinct products, and star-carrying certificates by tier. */
export type ProvinceCertificationCounts = {
  province_code: string
  product_count: number
  certified_by_stars: Record<number, number>
}

/** An active certificate ending soon (listRenewalReminders). */
export type RenewalReminder = { certification_id: string; stars: number; valid_until: string; days_left: number }
