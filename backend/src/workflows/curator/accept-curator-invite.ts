import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { consumeCuratorInviteStep } from "./steps/consume-curator-invite"
import { createCuratorStep } from "./steps/create-curator"
import { recordCuratorInviteAcceptanceStep } from "./steps/record-curator-invite-acceptance"

export type AcceptCuratorInviteInput = { token: string; auth_identity_id: string; email: string; name: string }

/**
 * An invited person (registered as the `curator` actor, no curator yet) becomes a curator of the invite's
 * provinces. consume → create → app_metadata.curator_id → record; each step is undone if a later one fails.
 */
export const acceptCuratorInviteWorkflow = createWorkflow("accept-curator-invite", (input: AcceptCuratorInviteInput) => {
  const invite = consumeCuratorInviteStep({ token: input.token, email: input.email })
  const curator = createCuratorStep(
    transform({ input, invite }, ({ input, invite }) => ({
      email: input.email.toLowerCase(),
      name: input.name,
      scope: invite.scope,
      province_codes: invite.province_codes,
    }))
  )
  setAuthAppMetadataStep(
    transform({ input, curator }, ({ input, curator }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: "curator",
      value: curator.id,
    }))
  )
  recordCuratorInviteAcceptanceStep(transform({ invite, curator }, ({ invite, curator }) => ({ invite_id: invite.id, curator_id: curator.id })))
  return new WorkflowResponse(curator)
})
