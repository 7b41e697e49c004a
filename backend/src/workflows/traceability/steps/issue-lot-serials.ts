import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { generateSerialCode } from "../../../traceability/serial-code"

export type IssueLotSerialsStepInput = { lot_id: string; count: number; request_key: string }

/**
 * Issues the serials of one request (one transaction in the module, cap checked under the lot's row lock). The
 * compensation takes back only a batch this run wrote: a retried request that found its earlier batch leaves it.
 */
export const issueLotSerialsStepId = "issue-lot-serials"
export const issueLotSerialsStep = createStep(
  issueLotSerialsStepId,
  async (input: IssueLotSerialsStepInput, { container }) => {
    const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const result = await service.issueLotSerials({ ...input, generateCode: generateSerialCode })
    return new StepResponse(result, result.created ? result.batch.id : null)
  },
  async (batchId, { container }) => {
    if (!batchId) return
    const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await service.deleteLotSerialBatch(batchId)
  }
)
