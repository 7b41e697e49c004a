import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RowError } from "@ocop/seed"
import { OCOP_IMPORT_MODULE } from "../../../../modules/ocop-import"
import type OcopImportModuleService from "../../../../modules/ocop-import/service"
import type { ImportMode } from "../plan-import"

export type ImportRunInput = {
  source: string
  mode: ImportMode
  read: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  errors: RowError[]
  /** a run recorded before its rows (a curator's chunked import): this chunk's counts are added to it */
  run_id?: string
  /** rows of this chunk, added to the run's `processed` */
  processed?: number
}

const COUNTS = ["read", "created", "updated", "unchanged", "rejected"] as const
type Snapshot = Record<(typeof COUNTS)[number] | "processed", number> & { errors: unknown }
type Undo = { created_id: string } | { id: string; before: Snapshot }

/**
 * Keeps the import's counts and full error list (the report the answer links to); deleted if the import fails.
 * For a chunk of a run recorded earlier, the chunk's counts and errors are added to that run instead, and undone
 * (the run put back as it was) if the chunk fails.
 */
export const recordImportRunStep = createStep(
  "record-import-run",
  async (input: ImportRunInput, { container }) => {
    const runs: OcopImportModuleService = container.resolve(OCOP_IMPORT_MODULE)
    const { run_id, processed, ...counts } = input
    if (!run_id) {
      const run = await runs.createImportRuns({ ...counts, errors: counts.errors as unknown as Record<string, unknown> })
      return new StepResponse({ id: run.id }, { created_id: run.id } as Undo)
    }
    const run = await runs.retrieveImportRun(run_id)
    const before = { ...Object.fromEntries(COUNTS.map((k) => [k, run[k]])), processed: run.processed, errors: run.errors } as Snapshot
    const errors = [...((run.errors as unknown as RowError[]) ?? []), ...counts.errors].sort((a, b) => a.source_row - b.source_row)
    await runs.updateImportRuns({
      id: run_id,
      ...Object.fromEntries(COUNTS.map((k) => [k, run[k] + counts[k]])),
      processed: run.processed + (processed ?? 0),
      errors: errors as unknown as Record<string, unknown>,
    })
    return new StepResponse({ id: run_id }, { id: run_id, before } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const runs: OcopImportModuleService = container.resolve(OCOP_IMPORT_MODULE)
    if ("created_id" in undo) await runs.deleteImportRuns(undo.created_id)
    else await runs.updateImportRuns({ id: undo.id, ...undo.before } as any)
  }
)
