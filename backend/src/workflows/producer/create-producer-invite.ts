import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProducerInviteStep, type CreateProducerInviteInput } from "./steps/create-producer-invite"

/** The operator invites a producer's people; the caller holds the token, the table only its hash. */
export const createProducerInviteWorkflow = createWorkflow("create-producer-invite", (input: CreateProducerInviteInput) => {
  return new WorkflowResponse(createProducerInviteStep(input))
})
