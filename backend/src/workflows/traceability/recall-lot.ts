import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recallLotStep, type RecallLotInput } from "./steps/recall-lot"

/** Recalls a lot (producer or curator, with a reason): its scan page says so from then on. */
export const recallLotWorkflow = createWorkflow("recall-lot", (input: RecallLotInput) => {
  return new WorkflowResponse(recallLotStep(input))
})
