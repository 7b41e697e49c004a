import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createProducerMemberStep, type CreateProducerMemberInput } from "./steps/create-producer-member"

export type CreateProducerMemberWorkflowInput = { auth_identity_id: string; member: CreateProducerMemberInput }

/**
 * Turns a freshly registered auth identity into a producer member: the member row, then the identity's
 * app_metadata.producer_id. If the second step fails the member is deleted again, so no half account remains.
 */
export const createProducerMemberWorkflow = createWorkflow("create-producer-member", (input: CreateProducerMemberWorkflowInput) => {
  const member = createProducerMemberStep(input.member)
  const metadata = transform({ input, member }, ({ input, member }) => ({
    authIdentityId: input.auth_identity_id,
    actorType: "producer",
    value: member.id,
  }))
  setAuthAppMetadataStep(metadata)
  return new WorkflowResponse(member)
})
