import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProducerClaimStep, type CreateProducerClaimInput } from "./steps/create-producer-claim"

/** A member asks to manage an imported producer; an operator or the producer's province decides. */
export const createProducerClaimWorkflow = createWorkflow("create-producer-claim", (input: CreateProducerClaimInput) => {
  return new WorkflowResponse(createProducerClaimStep(input))
})
