import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export const updateProducerStoryStep = createStep(
  "update-producer-story",
  async (input: { producer_id: string; story: string | null }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const before = await producers.retrieveProducer(input.producer_id)
    await producers.updateProducers({ id: input.producer_id, story: input.story })
    return new StepResponse(undefined, { id: input.producer_id, story: before.story ?? null })
  },
  async (previous, { container }) => {
    if (!previous) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducers(previous)
  }
)
