import type { ProducerType } from "@ocop/domain"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { producerHandle, producerNameKey } from "../../../modules/producer/keys"

export type CreateProducerInput = {
  name: string
  type?: ProducerType | null
  province_code: string
  commune_code?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  website?: string | null
  story?: string | null
  women_led?: boolean | null
  ethnic_minority_led?: boolean | null
}

/** Finds the producer by folded name + province (how imports recognise it) or creates it. */
export const findOrCreateProducerStep = createStep(
  "find-or-create-producer",
  async (input: CreateProducerInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const name_key = producerNameKey(input.name)
    const [existing] = await producers.listProducers({ name_key, province_code: input.province_code })
    if (existing) return new StepResponse(existing, null)
    const created = await producers.createProducers({
      ...input,
      name_key,
      handle: producerHandle(input.name, input.province_code),
    })
    return new StepResponse(created, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducers([createdId])
  }
)
