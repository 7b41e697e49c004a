import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { withdrawLotStep } from "./steps/withdraw-lot"

/** The producer withdraws a lot code entered by mistake or never printed; scans of it answer 410 from then on. */
export const withdrawLotWorkflow = createWorkflow("withdraw-lot", (input: { lot_id: string }) => {
  withdrawLotStep(input)
  return new WorkflowResponse(undefined)
})
