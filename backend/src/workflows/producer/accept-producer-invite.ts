import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { consumeProducerInviteStep, recordInviteAcceptanceStep } from "./steps/consume-producer-invite"
import { createProducerMemberStep } from "./steps/create-producer-member"

export type AcceptProducerInviteInput = { token: string; auth_identity_id: string; email: string; name: string }

/** An invited person (registered, not yet a member) becomes a member of the inviting producer. */
export const acceptProducerInviteWorkflow = createWorkflow("accept-producer-invite", (input: AcceptProducerInviteInput) => {
  const invite = consumeProducerInviteStep({ token: input.token, email: input.email })
  const memberInput = transform({ input, invite }, ({ input, invite }) => ({
    email: input.email,
    name: input.name,
    role: invite.role,
    producer_id: invite.producer_id,
  }))
  const member = createProducerMemberStep(memberInput)
  const metadata = transform({ input, member }, ({ input, member }) => ({
    authIdentityId: input.auth_identity_id,
    actorType: "producer",
    value: member.id,
  }))
  setAuthAppMetadataStep(metadata)
  recordInviteAcceptanceStep(transform({ invite, member }, ({ invite, member }) => ({ invite_id: invite.id, member_id: member.id })))
  return new WorkflowResponse(member)
})
