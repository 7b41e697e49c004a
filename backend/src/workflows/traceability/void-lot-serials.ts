import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { VoidLotSerialsInput } from "../../modules/traceability/service"
import { voidLotSerialsStep } from "./steps/void-lot-serials"

/**
 * The producer voids serials of one of its lots (labels lost, stolen or misprinted): the codes named or a whole batch,
 * with a reason. Idempotent: voiding a voided serial changes nothing and is counted as already voided.
 */
export const voidLotSerialsWorkflow = createWorkflow("void-lot-serials", (input: VoidLotSerialsInput) => {
  return new WorkflowResponse(voidLotSerialsStep(input))
})
