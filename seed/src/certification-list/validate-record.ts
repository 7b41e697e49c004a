import type { z } from "zod"
import { duplicateRowKey } from "./listing-identity"
import { CertificationRecord, certificationRecordSchema, RowError } from "./record-schema"
import { rowError, RowErrorCode, ROW_ERROR_MESSAGES } from "./row-errors"
import { FIELD_LABELS, Field, RawRecord } from "./raw-record"
import { containsMarkup, echoValue, neutralizeMarkup } from "./text-rules"

/**
 * Checks that need the whole row or the whole file: markup in any text field, duplicates, and the record
 * schema itself as the last gate before a record leaves the library (and the first one in the backend).
 */

export function findMarkup(raw: RawRecord): RowError[] {
  const errors: RowError[] = []
  // The remark may become the rating's note: it passes the same gate.
  const cells: [string, string | null | undefined][] = [
    ...(Object.entries(raw.values) as [Field, string][]).map(([field, value]): [string, string] => [raw.labels[field] ?? FIELD_LABELS[field], value]),
    ["Ghi chú", raw.remark],
  ]
  for (const [column, value] of cells) {
    if (value && containsMarkup(value)) {
      // The message names the column first, like every refusal of the record schema.
      errors.push({
        ...rowError("markup_not_allowed", raw.sourceRow, column, neutralizeMarkup(value)),
        message: `${column}: ${ROW_ERROR_MESSAGES.markup_not_allowed} / HTML or script markup is not allowed`,
      })
    }
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

function issueCode(issue: z.core.$ZodIssue): RowErrorCode {
  const code = (issue as { params?: { code?: string } }).params?.code
  if (code && code in ROW_ERROR_MESSAGES) return code as RowErrorCode
  if (issue.code === "too_big" && issue.origin === "string") return "too_long"
  return "invalid_record"
}

/** The value a row error quotes: never longer than ECHO_LIMIT, markup escaped. */
function quotedValue(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value))
  return containsMarkup(text) ? neutralizeMarkup(text) : echoValue(text)
}

/** One row error per schema issue: the field as column, the message starting with the field (Vietnamese / English). */
export function describeRecordIssues(input: unknown, error: z.ZodError, fallbackRow: number): RowError[] {
  const row = input !== null && typeof input === "object" ? (input as Record<string, unknown>) : {}
  const sourceRow = typeof row.source_row === "number" && Number.isInteger(row.source_row) && row.source_row > 0 ? row.source_row : fallbackRow
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : null
    const code = issueCode(issue)
    const message =
      issue.code === "unrecognized_keys"
        ? `record: có trường không được hỗ trợ / unknown field(s): ${issue.keys
            .slice(0, 10)
            .map((key) => echoValue(key))
            .join(", ")}`
        : field && !issue.message.startsWith(`${field}:`)
          ? `${field}: ${issue.message}`
          : issue.message
    return {
      source_row: sourceRow,
      column: field,
      value: field ? quotedValue(row[issue.path[0] as string]) : null,
      code,
      message,
    }
  })
}

/**
 * A row from any source checked against the record schema: the record, or every reason it is refused.
 * `fallbackRow` numbers the row when it carries no usable source_row (its 1-based position in the request).
 */
export function checkRecord(input: unknown, fallbackRow: number): { record: CertificationRecord } | { errors: RowError[] } {
  const parsed = certificationRecordSchema.safeParse(input)
  return parsed.success ? { record: parsed.data } : { errors: describeRecordIssues(input, parsed.error, fallbackRow) }
}

/** The schema is the contract with the backend; a record failing it is reported as row errors, not thrown. */
export function validateRecord(record: CertificationRecord): { record: CertificationRecord } | { error: RowError } {
  const checked = checkRecord(record, record.source_row)
  return "record" in checked ? checked : { error: checked.errors[0] }
}
