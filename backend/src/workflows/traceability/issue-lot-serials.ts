import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueLotSerialsStep, type IssueLotSerialsStepInput } from "./steps/issue-lot-serials"

/**
 * The producer asks for per-unit serials of one of its lots: one batch (one label sheet) per request, idempotent on
 * the request's key, never beyond the lot's cap (@ocop/domain serialCapForLot).
 */
export const issueLotSerialsWorkflow = createWorkflow("issue-lot-serials", (input: IssueLotSerialsStepInput) => {
  const result = issueLotSerialsStep(input)
  return new WorkflowResponse(result)
})
