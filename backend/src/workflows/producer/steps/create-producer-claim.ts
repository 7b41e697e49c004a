import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export type CreateProducerClaimInput = {
  member_id: string
  /** The member's current producer: a member that already manages one cannot claim another. */
  member_producer_id: string | null
  producer_id: string
  message: string | null
}

/**
 * A member without a producer asks to manage an imported one. Only producers nobody manages yet can be claimed (a
 * producer with members invites new ones itself); asking twice answers the claim that is still open.
 */
export const createProducerClaimStep = createStep(
  "create-producer-claim",
  async (input: CreateProducerClaimInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    if (input.member_producer_id) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "producer_id: your account already manages a producer / tài khoản đã quản lý một chủ thể")
    }
    const [producer] = await producers.listProducers({ id: input.producer_id })
    if (!producer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `producer_id: producer "${input.producer_id}" was not found / không tìm thấy chủ thể`)
    }
    const managed = await producers.listProducerMembers({ producer_id: producer.id }, { take: 1 })
    if (managed.length) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "producer_id: this producer already has an account; ask its owner for an invite / chủ thể đã có tài khoản, hãy xin lời mời"
      )
    }
    const [open] = await producers.listProducerClaims({ member_id: input.member_id, producer_id: producer.id, status: "pending" })
    // An open claim is answered as it is and is not this run's to undo.
    if (open) return new StepResponse(open, undefined)
    const claim = await producers.createProducerClaims({ member_id: input.member_id, producer_id: producer.id, message: input.message })
    return new StepResponse(claim, claim.id)
  },
  async (claimId, { container }) => {
    if (!claimId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducerClaims([claimId])
  }
)
