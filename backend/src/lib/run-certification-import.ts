import type { MedusaContainer } from "@medusajs/framework/types"
import { checkRecord, type CertificationRecord, type RowError } from "@ocop/seed"
import { importCertificationsWorkflow } from "../workflows/ocop/import-certifications"
import type { ImportMode } from "../workflows/ocop/import/plan-import"

/** Row errors an answer carries; the import's report holds all of them (GET /admin/ocop/imports/:id/report). */
export const MAX_ERRORS_IN_RESPONSE = 1000

export type ImportSummary = {
  /** the import run; its full error report is at report_url */
  id: string
  /** data rows read (accepted + rejected), not errors: one row may have several */
  read: number
  created: number
  updated: number
  unchanged: number
  /** rows rejected */
  rejected: number
  /** the first MAX_ERRORS_IN_RESPONSE row errors, in row order */
  errors: RowError[]
  errors_total: number
  errors_truncated: boolean
  report_url: string
}

// Rows per write statement: large enough that per-statement overhead vanishes, far below PostgreSQL's parameter limit.
export const IMPORT_CHUNK_SIZE = 500

/** What the file reader already decided: rows it read and rows it rejected, with their errors. */
export type ParsedRows = { rows_read: number; rows_rejected: number; errors: RowError[] }

/**
 * Imports a list as one unit. Every row is checked and resolved first (record schema: lengths, markup, known
 * province, commune and product group, dates); a bad row is REJECTED with its row, field and reason and every
 * other row is imported. Then one workflow writes the good rows; if it fails, its steps undo their writes and the
 * error goes to the caller: nothing of the request remains. A product rated twice in the request (issue 13) is
 * handled inside that one workflow: the plan orders each listing's ratings by decision date (ratingRounds) and the
 * issue step writes them round by round, so the later decision ends current and the earlier one is history.
 */
export async function runCertificationImport(
  container: MedusaContainer,
  rows: unknown[],
  options: { mode?: ImportMode; source: string; parsed?: ParsedRows; chunkSize?: number }
): Promise<ImportSummary> {
  const errors: RowError[] = [...(options.parsed?.errors ?? [])]
  let rejected = options.parsed?.rows_rejected ?? 0
  const valid: CertificationRecord[] = []
  rows.forEach((row, index) => {
    const checked = checkRecord(row, index + 1)
    if ("record" in checked) {
      valid.push(checked.record)
    } else {
      errors.push(...checked.errors)
      rejected++
    }
  })

  const { result } = await importCertificationsWorkflow(container).run({
    input: {
      records: valid,
      mode: options.mode ?? "certify",
      source: options.source,
      chunk_size: options.chunkSize ?? IMPORT_CHUNK_SIZE,
      read: options.parsed ? options.parsed.rows_read : rows.length,
      rejected_before: rejected,
      errors_before: errors,
    },
  })
  return {
    id: result.id,
    read: result.read,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected,
    errors: result.errors.slice(0, MAX_ERRORS_IN_RESPONSE),
    errors_total: result.errors.length,
    errors_truncated: result.errors.length > MAX_ERRORS_IN_RESPONSE,
    report_url: `/admin/ocop/imports/${result.id}/report`,
  }
}
