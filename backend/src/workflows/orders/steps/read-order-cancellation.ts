import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

/**
 * Whether the order itself must now be cancelled: every part of it is canceled and the order is still open. Read
 * under the workflow's per-order lock, so of two parts cancelled together exactly one run cancels the order.
 */
export const readOrderCancellationStep = createStep("read-order-cancellation", async (input: { order_id: string }, { container }) => {
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const parts = await producers.listProducerShipments({ order_id: input.order_id }, { select: ["id", "status"] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: input.order_id } })
  const open = orders[0] && orders[0].status !== "canceled"
  return new StepResponse({ cancel_order: Boolean(open) && parts.length > 0 && parts.every((p) => p.status === "canceled") })
})
