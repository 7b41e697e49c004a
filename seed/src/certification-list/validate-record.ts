import { duplicateRowKey } from "./listing-identity"
import { CertificationRecord, certificationRecordSchema, RowError } from "./record-schema"
import { rowError } from "./row-errors"
import { FIELD_LABELS, Field, RawRecord } from "./raw-record"

/**
 * Checks that need the whole row or the whole file: markup in any text field, duplicates, and the record
 * schema itself as the last gate before a record leaves the library.
 */

// Any HTML tag or comment, script URLs, inline event handlers and encoded angle brackets. A bare "<" before
// a digit ("<5% tấm") is text, not markup.
const MARKUP = [
  /<\s*\/?\s*[a-z!?][^>]*>?/i,
  /(?:java|vb)script\s*:/i,
  /data\s*:\s*text\/html/i,
  /\bon[a-z]{3,}\s*=/i,
  /&(?:lt|gt|#0*60|#x0*3c|#0*62|#x0*3e);/i,
]

function containsMarkup(text: string): boolean {
  return MARKUP.some((pattern) => pattern.test(text))
}

/** HTML-escapes a rejected value so that the error report itself never carries live markup. */
function neutralize(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped
}

export function findMarkup(raw: RawRecord): RowError[] {
  const errors: RowError[] = []
  for (const [field, value] of Object.entries(raw.values) as [Field, string][]) {
    if (value && containsMarkup(value)) {
      errors.push(rowError("markup_not_allowed", raw.sourceRow, raw.labels[field] ?? FIELD_LABELS[field], neutralize(value)))
    }
  }
  // The remark may become the rating's note: it passes the same gate.
  if (raw.remark && containsMarkup(raw.remark)) {
    errors.push(rowError("markup_not_allowed", raw.sourceRow, "Ghi chú", neutralize(raw.remark)))
  }
  return errors
}

export class DuplicateTracker {
  private readonly firstRow = new Map<string, number>()

  /** The error for a repeated row, or null the first time a key is seen. */
  check(record: CertificationRecord, productLabel: string): RowError | null {
    // Same listing with another rating or decision is rating history, kept; only an identical row is a duplicate.
    const key = duplicateRowKey(record)
    const first = this.firstRow.get(key)
    if (first === undefined) {
      this.firstRow.set(key, record.source_row)
      return null
    }
    return rowError("duplicate_row", record.source_row, productLabel, record.product_name, `dòng ${first}`)
  }
}

/** The schema is the contract with the backend; a record failing it is a bug here, reported, not thrown. */
export function validateRecord(record: CertificationRecord): { record: CertificationRecord } | { error: RowError } {
  const parsed = certificationRecordSchema.safeParse(record)
  if (parsed.success) return { record: parsed.data }
  const issue = parsed.error.issues[0]
  const path = issue.path.join(".")
  return { error: rowError("invalid_record", record.source_row, path || null, null, `${path}: ${issue.message}`) }
}
