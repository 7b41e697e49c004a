import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { GroupedOrder } from "./group-order-lines-by-producer"

export const createOrderPartsStepId = "create-order-parts"

const isUniqueViolation = (error: unknown) => /duplicate key|unique constraint|already exists/i.test(String((error as Error)?.message))

/**
 * Creates the missing part of each producer, `pending`. A part that already exists is kept as it is: the
 * `order.placed` event may be delivered twice (Redis event bus retries, two workers), and the unique index on
 * (order, producer) settles two deliveries running at the same moment. Compensation deletes only what this step made.
 */
export const createOrderPartsStep = createStep(
  createOrderPartsStepId,
  async (input: GroupedOrder, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const existing = await producers.listProducerShipments({ order_id: input.order_id }, { select: ["id", "producer_id"] })
    const have = new Set(existing.map((p) => p.producer_id))
    const created: string[] = []
    for (const group of input.groups) {
      if (have.has(group.producer_id)) continue
      try {
        const part = await producers.createProducerShipments({
          order_id: input.order_id,
          producer_id: group.producer_id,
          line_item_ids: group.line_item_ids,
          subtotal: group.subtotal,
          shipping_fee: group.shipping_fee,
          currency_code: input.currency_code,
          status: "pending",
        })
        created.push(part.id)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
      }
    }
    const parts = await producers.listProducerShipments({ order_id: input.order_id })
    return new StepResponse(parts, created)
  },
  async (created, { container }) => {
    if (!created?.length) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducerShipments(created)
  }
)
