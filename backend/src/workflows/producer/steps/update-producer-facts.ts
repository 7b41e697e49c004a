import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

/** What only the producer can state about itself: led by women, led by an ethnic minority (null = not stated). */
export type ProducerFacts = { producer_id: string; women_led?: boolean | null; ethnic_minority_led?: boolean | null }

export const updateProducerFactsStep = createStep(
  "update-producer-facts",
  async ({ producer_id, ...facts }: ProducerFacts, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const before = await producers.retrieveProducer(producer_id)
    const producer = await producers.updateProducers({ id: producer_id, ...facts })
    return new StepResponse(producer, {
      id: producer_id,
      women_led: before.women_led ?? null,
      ethnic_minority_led: before.ethnic_minority_led ?? null,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducers(previous)
  }
)
