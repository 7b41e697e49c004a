import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rejectProducerClaimStep } from "./steps/reject-producer-claim"

/** The operator or the producer's province turns a claim down. */
export const rejectProducerClaimWorkflow = createWorkflow("reject-producer-claim", (input: { claim_id: string }) => {
  return new WorkflowResponse(rejectProducerClaimStep(input))
})
