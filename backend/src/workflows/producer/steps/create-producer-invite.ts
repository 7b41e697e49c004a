import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export type CreateProducerInviteInput = {
  producer_id: string
  email: string | null
  role: "owner" | "member"
  token_hash: string
  expires_at: Date
}

/** Stores an invite to a producer that exists; the caller keeps the token, the table only its hash. */
export const createProducerInviteStep = createStep(
  "create-producer-invite",
  async (input: CreateProducerInviteInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const [producer] = await producers.listProducers({ id: input.producer_id })
    if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer "${input.producer_id}" was not found`)
    const invite = await producers.createProducerInvites(input)
    return new StepResponse(invite, invite.id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducerInvites([inviteId])
  }
)
