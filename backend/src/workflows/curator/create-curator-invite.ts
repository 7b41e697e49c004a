import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCuratorInviteStep, type CreateCuratorInviteInput } from "./steps/create-curator-invite"

/** The operator invites a provincial (or national) curator; the caller holds the token, the table only its hash. */
export const createCuratorInviteWorkflow = createWorkflow("create-curator-invite", (input: CreateCuratorInviteInput) => {
  return new WorkflowResponse(createCuratorInviteStep(input))
})
