import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export const transitionOrderPartStepId = "transition-order-part"

export type TransitionOrderPartInput = { part_id: string; producer_id: string; from: string[]; to: "delivered" | "canceled" }

/**
 * Moves the producer's part to `delivered` or `canceled` atomically (see the service) and answers the part.
 * Compensation puts the earlier status back and clears the stamp this step set.
 */
export const transitionOrderPartStep = createStep(
  transitionOrderPartStepId,
  async (input: TransitionOrderPartInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const { previous_status } = await producers.transitionProducerShipment(input.part_id, input.producer_id, input.from, input.to)
    const part = await producers.retrieveProducerShipment(input.part_id)
    return new StepResponse(
      {
        id: part.id,
        order_id: part.order_id,
        producer_id: part.producer_id,
        line_item_ids: part.line_item_ids as unknown as string[],
        subtotal: Number(part.subtotal),
        shipping_fee: Number(part.shipping_fee),
        currency_code: part.currency_code,
      },
      { id: part.id, previous_status, to: input.to }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerShipments({
      id: undo.id,
      status: undo.previous_status as any,
      ...(undo.to === "delivered" ? { delivered_at: null } : { canceled_at: null }),
    })
  }
)
