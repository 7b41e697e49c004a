import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"

/**
 * Withdraws a lot code (soft delete): its QR then answers 410 "withdrawn" instead of a page; the compensation
 * restores it.
 */
export const withdrawLotStepId = "withdraw-lot"
export const withdrawLotStep = createStep(
  withdrawLotStepId,
  async (input: { lot_id: string }, { container }) => {
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await lots.softDeleteLots(input.lot_id)
    return new StepResponse(undefined, input.lot_id)
  },
  async (id, { container }) => {
    if (!id) return
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await lots.restoreLots(id)
  }
)
