import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

/** A producer's delivery terms, VND; null = the operator's default, an absent field stays as it is. */
export type ProducerShippingInput = { producer_id: string; shipping_fee?: number | null; free_shipping_from?: number | null }

export const updateProducerShippingStepId = "update-producer-shipping"

export const updateProducerShippingStep = createStep(
  updateProducerShippingStepId,
  async ({ producer_id, ...terms }: ProducerShippingInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const before = await producers.retrieveProducer(producer_id)
    const producer = await producers.updateProducers({ id: producer_id, ...terms })
    return new StepResponse(producer, {
      id: producer_id,
      shipping_fee: before.shipping_fee ?? null,
      free_shipping_from: before.free_shipping_from ?? null,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducers(previous)
  }
)
