import { MedusaError } from "@medusajs/framework/utils"
import { echoValue } from "@ocop/seed"

// Medusa ids (prod_01J…, ocert_01J…): internal, never shown to the caller of an import.
const INTERNAL_ID = /\b[a-z]+_[0-9A-HJKMNP-TV-Z]{26}\b/g
const CLIENT_ERRORS = new Set<string>([
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.DUPLICATE_ERROR,
  MedusaError.Types.CONFLICT,
  MedusaError.Types.NOT_ALLOWED,
])

/**
 * Why a write failed after every row was validated (e.g. a database constraint), fit to show the caller: without
 * internal ids or long echoed values. Null for any other error (a bug or an outage: its text is not the caller's).
 */
export function importFailureReason(error: unknown): { type: string; reason: string } | null {
  const type = (error as { type?: string })?.type
  if (!type || !CLIENT_ERRORS.has(type)) return null
  const message = String((error as { message?: string })?.message ?? "")
  return { type, reason: echoValue(message.replace(INTERNAL_ID, "[id]")) }
}

/**
 * A write that failed after every row was validated: the workflow has undone its writes, so the answer says that
 * nothing was written and why. Other errors go on unchanged (Medusa answers 500 without their text).
 */
export function explainImportFailure(error: unknown): never {
  const explained = importFailureReason(error)
  if (explained) {
    throw new MedusaError(
      explained.type as (typeof MedusaError.Types)[keyof typeof MedusaError.Types],
      `import: không có dòng nào được ghi, danh sách đã được hoàn tác / nothing was written, the import was rolled back: ${explained.reason}`
    )
  }
  throw error
}
