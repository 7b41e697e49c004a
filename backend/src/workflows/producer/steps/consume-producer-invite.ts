import { createHash } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

const INVALID = "token: this invite is unknown, used or expired / lời mời không hợp lệ, đã dùng hoặc đã hết hạn"

/** Marks an invite used, so one link makes one member; undone if the member cannot be created. */
export const consumeProducerInviteStep = createStep(
  "consume-producer-invite",
  async (input: { token: string; email: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const [invite] = await producers.listProducerInvites({ token_hash: hashInviteToken(input.token) })
    if (!invite || invite.accepted_at || new Date(invite.expires_at) < new Date()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID)
    }
    if (invite.email && invite.email.toLowerCase() !== input.email.toLowerCase()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "token: this invite was sent to another email address / lời mời này dành cho địa chỉ email khác"
      )
    }
    await producers.updateProducerInvites({ id: invite.id, accepted_at: new Date() })
    return new StepResponse(invite, invite.id)
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
