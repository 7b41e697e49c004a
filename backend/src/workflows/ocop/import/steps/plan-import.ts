import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CertificationRecord } from "@ocop/seed"
import { planImport, type ImportMode } from "../plan-import"

/** Reads what exists and decides row by row; writes nothing, so it has nothing to undo. */
export const planImportStep = createStep(
  "plan-certification-import",
  async (input: { records: CertificationRecord[]; mode: ImportMode; chunk_size: number }, { container }) =>
    new StepResponse(await planImport(container, input.records, input.mode, input.chunk_size))
)
