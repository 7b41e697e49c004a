import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export type CreateProducerMemberInput = {
  email: string
  name: string
  role: "owner" | "member"
  producer_id: string | null
}

export const createProducerMemberStep = createStep(
  "create-producer-member",
  async (input: CreateProducerMemberInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const [existing] = await producers.listProducerMembers({ email: input.email })
    if (existing) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `email: ${input.email} already has a producer account / email này đã có tài khoản`)
    }
    const member = await producers.createProducerMembers(input)
    return new StepResponse(member, member.id)
  },
  async (memberId, { container }) => {
    if (!memberId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducerMembers([memberId])
  }
)
