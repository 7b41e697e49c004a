import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"

export type RecallLotInput = { lot_id: string; reason: string; recalled_by: { type: "producer" | "curator"; id: string } }

/** Marks the lot recalled with its reason; the compensation puts the lot back as it was. */
export const recallLotStepId = "recall-lot"
export const recallLotStep = createStep(
  recallLotStepId,
  async (input: RecallLotInput, { container }) => {
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const before = await lots.retrieveLot(input.lot_id)
    if (before.status === "recalled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "status: lô này đã bị thu hồi / this lot is already recalled")
    }
    const lot = await lots.updateLots({
      id: input.lot_id,
      status: "recalled",
      recall_reason: input.reason,
      recalled_at: new Date(),
      recalled_by: input.recalled_by,
    })
    return new StepResponse(lot, {
      id: before.id,
      status: before.status,
      recall_reason: before.recall_reason,
      recalled_at: before.recalled_at,
      recalled_by: before.recalled_by,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await lots.updateLots(previous as any)
  }
)
