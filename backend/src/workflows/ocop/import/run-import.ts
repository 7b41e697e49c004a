import type { MedusaContainer } from "@medusajs/framework/types"
import { certificationRecordSchema, ratingRounds, type CertificationRecord } from "@ocop/seed"
import { importCertificationsWorkflow } from "../import-certifications"
import type { ImportMode, ImportRowError } from "./plan-import"

export type ImportSummary = {
  read: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  errors: ImportRowError[]
}

// Large enough that per-batch overhead vanishes, small enough that one failed batch costs little to redo.
export const IMPORT_BATCH_SIZE = 500

/**
 * Imports rows in batches, each batch one workflow run. Rows failing the record schema are rejected with the
 * field and reason; the rest go in. Rejections found while parsing the file (`parseErrors`) are reported too.
 */
export async function runCertificationImport(
  container: MedusaContainer,
  rows: unknown[],
  options: { mode?: ImportMode; source: string; parseErrors?: ImportRowError[]; batchSize?: number }
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    read: rows.length + (options.parseErrors?.length ?? 0),
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [...(options.parseErrors ?? [])],
  }
  const valid: CertificationRecord[] = []
  rows.forEach((row, index) => {
    const parsed = certificationRecordSchema.safeParse(row)
    if (parsed.success) {
      valid.push(parsed.data)
      return
    }
    const issue = parsed.error.issues[0]
    const field = issue.path.join(".") || null
    summary.errors.push({
      source_row: Number((row as Record<string, unknown>)?.source_row) || index + 1,
      column: field,
      value: field ? String((row as Record<string, unknown>)?.[field] ?? "") : null,
      code: "invalid_record",
      message: `${field ?? "record"}: ${issue.message}`,
    })
  })

  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE
  // A product listed twice with different ratings is its rating history: round after round, earlier decision
  // first, so the later decision ends current and the earlier one stays as a superseded certificate.
  const batches = ratingRounds(valid).flatMap((round) => {
    const slices: CertificationRecord[][] = []
    for (let start = 0; start < round.length; start += batchSize) slices.push(round.slice(start, start + batchSize))
    return slices
  })
  for (const records of batches) {
    const { result } = await importCertificationsWorkflow(container).run({
      input: { records, mode: options.mode ?? "certify", source: options.source },
    })
    summary.created += result.created
    summary.updated += result.updated
    summary.unchanged += result.unchanged
    summary.errors.push(...result.errors)
  }
  summary.rejected = summary.errors.length
  return summary
}
