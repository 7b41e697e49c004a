import type { MedusaContainer } from "@medusajs/framework/types"
import type { ImportSummary } from "@ocop/contracts"
import { checkRecord, ratingRounds, type CertificationRecord, type RowError } from "@ocop/seed"
import { OCOP_IMPORT_MODULE } from "../modules/ocop-import"
import type OcopImportModuleService from "../modules/ocop-import/service"
import { importFailureReason } from "../workflows/ocop/import/import-failure"
import { importCertificationsWorkflow } from "../workflows/ocop/import-certifications"
import { planImport, type ImportMode } from "../workflows/ocop/import/plan-import"

/** Row errors an answer carries; the import's report holds all of them (GET /admin/ocop/imports/:id/report). */
export const MAX_ERRORS_IN_RESPONSE = 1000

/** The run's counts and first row errors (@ocop/contracts importSummary, read by the CLI and the admin page). */
export type { ImportSummary }

// Rows per write statement: large enough that per-statement overhead vanishes, far below PostgreSQL's parameter limit.
export const IMPORT_CHUNK_SIZE = 500

/**
 * What the file reader already decided: rows it read and rows it rejected, with their errors. Rows passed with it
 * are the reader's records, which it checked against the record schema already (parseCertificationFile →
 * validateRecord): they are not parsed by the schema a second time (a quarter of an unchanged 20,000-row re-import).
 */
export type ParsedRows = { rows_read: number; rows_rejected: number; errors: RowError[] }

/** Refuses a row that passed the record schema (e.g. a province outside a curator's reach); null accepts it. */
export type RowGate = (record: CertificationRecord) => RowError | null

/**
 * Checks every row against the record schema (lengths, markup, known province, commune and product group, dates)
 * and the caller's gate; what the file reader already refused is counted in. Writes nothing.
 */
export function checkImportRows(rows: unknown[], parsed?: ParsedRows, gate?: RowGate) {
  const errors: RowError[] = [...(parsed?.errors ?? [])]
  let rejected = parsed?.rows_rejected ?? 0
  const valid: CertificationRecord[] = []
  rows.forEach((row, index) => {
    const checked = parsed ? { record: row as CertificationRecord } : checkRecord(row, index + 1)
    const refused = "record" in checked ? gate?.(checked.record) : null
    if ("record" in checked && !refused) {
      valid.push(checked.record)
    } else {
      errors.push(...("errors" in checked ? checked.errors : [refused as RowError]))
      rejected++
    }
  })
  return { valid, errors, rejected, read: parsed ? parsed.rows_read : rows.length }
}

/**
 * Imports a list as one unit. Every row is checked and resolved first (checkImportRows); a bad row is REJECTED
 * with its row, field and reason and every other row is imported. planImport then reads what exists and decides
 * row by row (it writes nothing), and one workflow writes what the plan says; if it fails, its steps undo their
 * writes and the error goes to the caller: nothing of the request remains. A product rated twice in the request
 * (issue 13) is handled inside that one workflow: the plan orders each listing's ratings by decision date
 * (ratingRounds) and the issue step writes them round by round, so the later decision ends current and the earlier
 * one is history.
 */
export async function runCertificationImport(
  container: MedusaContainer,
  rows: unknown[],
  options: { mode?: ImportMode; source: string; parsed?: ParsedRows; chunkSize?: number }
): Promise<ImportSummary> {
  const { valid, errors, rejected, read } = checkImportRows(rows, options.parsed)
  const mode = options.mode ?? "certify"
  const chunkSize = options.chunkSize ?? IMPORT_CHUNK_SIZE
  const { result } = await importCertificationsWorkflow(container).run({
    input: {
      plan: await planImport(container, valid, mode),
      mode,
      source: options.source,
      chunk_size: chunkSize,
      read,
      processed: valid.length,
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

/**
 * Rows per workflow of a chunked import: each chunk moves the progress bar. About 20 steps a list, at least 50 rows
 * (a few hundred rows still move in several steps) and at most IMPORT_CHUNK_SIZE (every chunk has a workflow's
 * fixed cost: a 50,000-row list must not become 1,000 workflows).
 */
export function progressChunkSize(rows: number): number {
  return Math.min(IMPORT_CHUNK_SIZE, Math.max(50, Math.ceil(rows / 20)))
}

export type ImportActor = { curator_id: string; curator_email: string; province_codes: string[] }

/**
 * Starts an import whose progress can be watched (the curator console's). The run is recorded at once, with the
 * rows already refused and the number to write; the caller answers with its id, and the rows are then written in
 * chunks (progressChunkSize), each chunk one import workflow (all or nothing) that adds its counts to the run.
 *
 * Why chunks and not one workflow: a workflow reports nothing until it ends, so a single one gives a bar that jumps
 * from 0 to 100. The price: a failing chunk stops the import with the chunks before it written (status "failed",
 * its reason kept). That is safe to retry, because every write is "find, else create" by the listed product:
 * importing the same list again skips what was written and finishes the rest. The work runs in this process: a
 * restart mid-import leaves the run "running", and importing the list again finishes it the same way.
 *
 * A listing rated twice is kept in decision-date order across chunks: the rows are ordered by ratingRounds first,
 * so a later rating always goes in the same or a later chunk than an earlier one and ends current.
 */
export async function startCertificationImport(
  container: MedusaContainer,
  rows: unknown[],
  options: { mode?: ImportMode; source: string; parsed?: ParsedRows; gate?: RowGate; actor: ImportActor; chunkSize?: number }
): Promise<{ id: string; finished: Promise<void> }> {
  const mode = options.mode ?? "certify"
  const { valid, errors, rejected, read } = checkImportRows(rows, options.parsed, options.gate)
  const runs: OcopImportModuleService = container.resolve(OCOP_IMPORT_MODULE)
  const run = await runs.createImportRuns({
    source: options.source,
    mode,
    status: valid.length ? "running" : "done",
    read,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected,
    total: valid.length,
    processed: 0,
    errors: errors.sort((a, b) => a.source_row - b.source_row) as unknown as Record<string, unknown>,
    ...options.actor,
  })
  const ordered = ratingRounds(valid).flat()
  const size = options.chunkSize ?? progressChunkSize(ordered.length)
  const finished = (async () => {
    for (let start = 0; start < ordered.length; start += size) {
      const records = ordered.slice(start, start + size)
      await importCertificationsWorkflow(container).run({
        input: {
          plan: await planImport(container, records, mode),
          processed: records.length,
          mode,
          source: options.source,
          chunk_size: IMPORT_CHUNK_SIZE,
          read: 0,
          rejected_before: 0,
          errors_before: [],
          run_id: run.id,
        },
      })
    }
    if (ordered.length) await runs.updateImportRuns({ id: run.id, status: "done" })
  })().catch(async (error) => {
    const explained = importFailureReason(error)
    await runs
      .updateImportRuns({
        id: run.id,
        status: "failed",
        failure: explained
          ? `dừng giữa chừng, các phần trước đã ghi; nhập lại danh sách để hoàn tất / stopped, the chunks before were written; import the list again to finish: ${explained.reason}`
          : "lỗi máy chủ, nhập lại danh sách để hoàn tất / server error; import the list again to finish",
      })
      .catch(() => undefined)
    // Unexplained errors are the operator's to read in the log.
    if (!explained) container.resolve("logger").error(`Import ${run.id}: ${(error as Error)?.stack ?? error}`)
  })
  return { id: run.id, finished }
}
