import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OcopEvents } from "@ocop/domain"
import { sendOrderShippedEmailWorkflow } from "../workflows/notifications/send-order-shipped-email"

/** A producer shipped its part of an order: the buyer gets the carrier and the tracking number. */
export default async function orderPartShippedEmail({ event, container }: SubscriberArgs<{ shipment_id: string }>) {
  try {
    await sendOrderShippedEmailWorkflow(container).run({ input: { shipment_id: event.data.shipment_id } })
  } catch (e) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Shipped e-mail for ${event.data.shipment_id} not sent: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: OcopEvents.ORDER_PART_SHIPPED }
