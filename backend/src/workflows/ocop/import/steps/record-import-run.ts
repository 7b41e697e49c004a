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
}

/** Keeps the import's counts and full error list (the report the answer links to); deleted if the import fails. */
export const recordImportRunStep = createStep(
  "record-import-run",
  async (input: ImportRunInput, { container }) => {
    const runs: OcopImportModuleService = container.resolve(OCOP_IMPORT_MODULE)
    const run = await runs.createImportRuns({ ...input, errors: input.errors as unknown as Record<string, unknown> })
    return new StepResponse({ id: run.id }, run.id)
  },
  async (id, { container }) => {
    if (!id) return
    const runs: OcopImportModuleService = container.resolve(OCOP_IMPORT_MODULE)
    await runs.deleteImportRuns(id)
  }
)
