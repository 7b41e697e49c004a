import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"

/** Which curator an invite made: the operator's trail from link to account. */
export const recordCuratorInviteAcceptanceStep = createStep(
  "record-curator-invite-acceptance",
  async (input: { invite_id: string; curator_id: string }, { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.updateCuratorInvites({ id: input.invite_id, accepted_by_curator_id: input.curator_id })
    return new StepResponse(input.invite_id, input.invite_id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.updateCuratorInvites({ id: inviteId, accepted_by_curator_id: null })
  }
)
