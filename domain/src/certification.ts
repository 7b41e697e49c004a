/** Rules of the OCOP certificate itself (QĐ 148/QĐ-TTg), shared by the importer and the backend. */

export const STAR_TIERS = [3, 4, 5] as const
export type StarTier = (typeof STAR_TIERS)[number]
/** The order the shop lists tiers in: best first. */
export const STAR_TIERS_HIGH_FIRST = [...STAR_TIERS].reverse() as StarTier[]
export const MIN_STARS = STAR_TIERS[0]
export const MAX_STARS = STAR_TIERS[STAR_TIERS.length - 1]

/** Whether a number is an OCOP tier (1★ and 2★ products are rated but never certified). */
export function isStarTier(value: unknown): value is StarTier {
  return (STAR_TIERS as readonly unknown[]).includes(value)
}

/** What every edge says when stars are out of range, Vietnamese first. */
export const STAR_TIER_RULE = "phải là số 3, 4 hoặc 5 / must be 3, 4 or 5"
export const STAR_TIER_MESSAGE = `stars: ${STAR_TIER_RULE}`

export const CERTIFICATE_VALIDITY_MONTHS = 36

export const CERTIFYING_LEVELS = ["district", "province", "national"] as const
export type CertifyingLevel = (typeof CERTIFYING_LEVELS)[number]

export const CERTIFICATION_STATUSES = ["active", "expired", "revoked", "superseded"] as const
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number]

/** The statuses of a certificate that no longer carries its stars: the shop stops promoting its product. */
export const LAPSED_CERTIFICATION_STATUSES = ["expired", "revoked", "superseded"] as const

/** Entries of a certificate's rating history, the events provinces report on. */
export const RATING_EVENT_KINDS = ["first_rating", "re_evaluation", "upgrade", "downgrade", "revocation", "expiry", "correction"] as const
export type RatingEventKind = (typeof RATING_EVENT_KINDS)[number]

/** How a new rating relates to the one it replaces. */
export function ratingKind(previousStars: number | null | undefined, stars: number): RatingEventKind {
  if (previousStars === null || previousStars === undefined) return "first_rating"
  if (stars > previousStars) return "upgrade"
  if (stars < previousStars) return "downgrade"
  return "re_evaluation"
}

/**
 * Valid-until date of a certificate: decision date + 36 months, as a calendar date (YYYY-MM-DD).
 * A decision of 31/05 ends on 31/05 three years later; 29/02 ends on 28/02 (no such day three years on).
 */
export function computeValidUntil(decisionDate: string, months = CERTIFICATE_VALIDITY_MONTHS): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(decisionDate)
  if (!match) {
    throw new Error(`decision_date must be YYYY-MM-DD, got "${decisionDate}"`)
  }
  const [year, month, day] = match.slice(1).map(Number)
  const totalMonths = year * 12 + (month - 1) + months
  const targetYear = Math.floor(totalMonths / 12)
  const targetMonth = (totalMonths % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  const targetDay = Math.min(day, lastDay)
  return `${targetYear}-${String(targetMonth).padStart(2, "0")}-${String(targetDay).padStart(2, "0")}`
}

/** Default certifying level for a tier: 5★ by the ministry, 4★ by the province, 3★ by the province since 07/2025. */
export function defaultCertifyingLevel(stars: StarTier): CertifyingLevel {
  return stars === 5 ? "national" : "province"
}

/** Today's date in Vietnam (UTC+7), which decides whether a certificate is still valid. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10)
}

/**
 * The instant a calendar day ("YYYY-MM-DD") begins in Vietnam (UTC+7). A filter "from 29/11" over timestamps means
 * from midnight in Hà Nội, which is 17:00 UTC the day before, not midnight UTC.
 */
export function startOfDayInVietnam(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`)
}

/**
 * The status a buyer sees, beyond the stored ones: `unknown_validity` is a certificate the list states (stars,
 * sometimes a decision number) without a decision date, so nothing says until when it holds. It is certified,
 * never "still valid".
 */
export const EFFECTIVE_CERTIFICATION_STATUSES = [...CERTIFICATION_STATUSES, "unknown_validity"] as const
export type EffectiveCertificationStatus = (typeof EFFECTIVE_CERTIFICATION_STATUSES)[number]

/**
 * The status a buyer must see — the one place the backend's API and the search index compute it: an "active"
 * certificate past its valid-until date is expired even before the nightly sweep writes it, and one with no
 * valid-until date is of unknown validity.
 */
export function effectiveCertificationStatus(
  cert: { status: string; valid_until: Date | string | null | undefined },
  today = todayInVietnam()
): EffectiveCertificationStatus {
  const validUntil = cert.valid_until ? new Date(cert.valid_until).toISOString().slice(0, 10) : null
  if (cert.status === "active" && !validUntil) return "unknown_validity"
  if (cert.status === "active" && validUntil && validUntil < today) return "expired"
  return cert.status as CertificationStatus
}

/** Whether a certificate in this status carries its stars: valid, or certified with its validity not verified. */
export function isCertifiedStatus(status: string | null | undefined): boolean {
  return status === "active" || status === "unknown_validity"
}

type DatedCertificate = { status: string; valid_until: Date | string | null | undefined; created_at?: unknown }

/** The certificate a buyer sees: the valid one, else one of unknown validity, else the most recent (shown as expired or revoked). */
export function pickCurrentCertification<T extends DatedCertificate>(
  certs: readonly (T | null | undefined)[] | null | undefined,
  today = todayInVietnam()
): T | null {
  const list = (certs ?? []).filter((c): c is T => Boolean(c))
  return (
    list.find((c) => effectiveCertificationStatus(c, today) === "active") ??
    list.find((c) => effectiveCertificationStatus(c, today) === "unknown_validity") ??
    [...list].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0] ??
    null
  )
}

/**
 * The tier a listed rating certifies — the one place that says "potential 5★ means 4★". Lists write
 * "Tiềm năng 5 sao" without a tier (the parser keeps that as `stars: null, potential_five_star: true`, exactly
 * what the list says); by definition such a product is a 4★ product the province sent on to the national
 * council (docs/domain.md), so it is certified 4★ with the flag set.
 */
export function certifiedStars(rating: { stars: StarTier | null; potential_five_star: boolean }): StarTier {
  if (rating.stars !== null) return rating.stars
  if (rating.potential_five_star) return 4
  throw new Error("stars may be null only for a potential 5-star entry")
}
