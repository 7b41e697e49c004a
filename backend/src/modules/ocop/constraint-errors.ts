import { MedusaError } from "@medusajs/framework/utils"
import { STAR_TIER_MESSAGE } from "@ocop/domain"

/** The database's check constraints, named for the field a caller got wrong. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  certification_stars_check: `${STAR_TIER_MESSAGE} (database constraint certification_stars_check)`,
  certification_score_check: "score: must be between 0 and 100 (database constraint certification_score_check)",
  certification_validity_check: "valid_until: must be after valid_from (database constraint certification_validity_check)",
  certification_province_code_check: "province_code: must be a 2-digit province code (database constraint certification_province_code_check)",
  rating_event_stars_check: `${STAR_TIER_MESSAGE} (database constraint rating_event_stars_check)`,
}

export function rethrowConstraintError(error: unknown): never {
  const text = String((error as Error)?.message ?? error)
  const name = Object.keys(CONSTRAINT_MESSAGES).find((key) => text.includes(key))
  if (name) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, CONSTRAINT_MESSAGES[name])
  }
  throw error
}
