import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { LOT_STEP_KINDS } from "@ocop/contracts"

export type LotStepInput = {
  happened_on: Date
  kind: (typeof LOT_STEP_KINDS)[number]
  note: string
  photo?: { url: string; file_ids: string[]; renditions: { format: string; width: number; url: string }[] } | null
}

/** Adds timeline steps to a lot; removed again if a later step fails. */
export const createLotStepsStepId = "create-lot-steps"
export const createLotStepsStep = createStep(
  createLotStepsStepId,
  async (input: { lot_id: string; steps: LotStepInput[] }, { container }) => {
    if (!input.steps.length) return new StepResponse([], [] as string[])
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const created = await lots.createLotSteps(input.steps.map((s) => ({ ...s, photo: s.photo ?? null, lot_id: input.lot_id })))
    return new StepResponse(
      created,
      created.map((s) => s.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await lots.deleteLotSteps(ids)
  }
)
