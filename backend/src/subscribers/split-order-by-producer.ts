import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createOrderPartsWorkflow } from "../workflows/orders/create-order-parts"

/**
 * Every placed order (a completed cart) is split into one part per producer. After the order is committed, not
 * inside the checkout: a failure here must not take the buyer's payment back; the workflow is idempotent, so a
 * retried or repeated event leaves one part per producer.
 */
export default async function splitOrderByProducer({ event, container }: SubscriberArgs<{ id: string }>) {
  await createOrderPartsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED }
