/**
 * `@ocop/domain`'s `effectiveCertificationStatus` as a SQL expression over the `certification` table, for
 * aggregations that count in the database: an active certificate with no valid-until date is of unknown validity,
 * one whose valid-until (a UTC-midnight calendar date, see dates.ts) is before today (Vietnam's date) is expired,
 * every other keeps its stored status. One placeholder: today as YYYY-MM-DD. The module spec compares the two on
 * edge dates (yesterday, today, tomorrow, none).
 */
export const EFFECTIVE_STATUS_SQL = `CASE
  WHEN status = 'active' AND valid_until IS NULL THEN 'unknown_validity'
  WHEN status = 'active' AND (valid_until AT TIME ZONE 'UTC')::date < ?::date THEN 'expired'
  ELSE status::text
END`

/** The effective statuses that carry stars (`isCertifiedStatus`). */
export const CERTIFIED_STATUSES_SQL = `('active', 'unknown_validity')`
