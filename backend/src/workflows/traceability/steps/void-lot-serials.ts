import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { VoidLotSerialsInput } from "../../../modules/traceability/service"

/**
 * Voids the serials named (or a whole batch) in one transaction of the module. The compensation makes valid again only
 * the serials this run voided: those voided before (a repeated request) stay void.
 */
export const voidLotSerialsStepId = "void-lot-serials"
export const voidLotSerialsStep = createStep(
  voidLotSerialsStepId,
  async (input: VoidLotSerialsInput, { container }) => {
    const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const result = await service.voidLotSerials(input)
    return new StepResponse({ voided: result.voided_ids.length, already_voided: result.already_voided }, result.voided_ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await service.restoreLotSerials(ids)
  }
)
