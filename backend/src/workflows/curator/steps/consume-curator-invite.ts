import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"
import { hashInviteToken } from "../../producer/steps/consume-producer-invite"

const INVALID = "token: lời mời không hợp lệ, đã dùng hoặc đã hết hạn / this invite is unknown, used or expired"

/**
 * Marks the invite used with one conditional UPDATE (the module's claimCuratorInvite), so two concurrent accepts
 * of one link make one curator; undone if a later step fails.
 */
export const consumeCuratorInviteStep = createStep(
  "consume-curator-invite",
  async (input: { token: string; email: string }, { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    const tokenHash = hashInviteToken(input.token)
    const [invite] = await curators.listCuratorInvites({ token_hash: tokenHash })
    if (!invite || invite.accepted_at || new Date(invite.expires_at) < new Date()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID)
    }
    // A curator changes a province's public register: the link works only for the address it was sent to.
    if (invite.email.toLowerCase() !== input.email.toLowerCase()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "token: lời mời này dành cho địa chỉ email khác / this invite was sent to another email address"
      )
    }
    const claimedId = await curators.claimCuratorInvite(tokenHash)
    // Another request accepted it between the read and the update.
    if (!claimedId) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID)
    return new StepResponse(invite, invite.id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.updateCuratorInvites({ id: inviteId, accepted_at: null, accepted_by_curator_id: null })
  }
)
