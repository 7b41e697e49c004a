import { createHash } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

const INVALID = "token: this invite is unknown, used or expired / lời mời không hợp lệ, đã dùng hoặc đã hết hạn"

/**
 * Marks an invite used, so one link makes one member; undone if the member cannot be created. The marking is one
 * conditional UPDATE (ProducerModuleService.consumeProducerInvite): when several people accept the same link at
 * once, exactly one wins and the others get the same 400 as a used link.
 */
export const consumeProducerInviteStep = createStep(
  "consume-producer-invite",
  async (input: { token: string; email: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const tokenHash = hashInviteToken(input.token)
    const invite = await producers.consumeProducerInvite(tokenHash, input.email)
    if (invite) return new StepResponse(invite, invite.id)
    // Nothing consumed: say why, from the row as it is now.
    const [current] = await producers.listProducerInvites({ token_hash: tokenHash })
    if (current && !current.accepted_at && new Date(current.expires_at) > new Date() && current.email) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "token: this invite was sent to another email address / lời mời này dành cho địa chỉ email khác"
      )
    }
    throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID)
  },
  async (inviteId, { container }) => {
    if (!inviteId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerInvites({ id: inviteId, accepted_at: null, accepted_by_member_id: null })
  }
)

export const recordInviteAcceptanceStep = createStep(
  "record-invite-acceptance",
  async (input: { invite_id: string; member_id: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerInvites({ id: input.invite_id, accepted_by_member_id: input.member_id })
    return new StepResponse(input.member_id)
  }
)
