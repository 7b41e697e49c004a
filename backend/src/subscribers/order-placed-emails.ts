import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { sendOrderPlacedEmailsWorkflow } from "../workflows/notifications/send-order-placed-emails"

/**
 * A placed order mails its buyer and its producers. The order is already saved when the event arrives, so a mail
 * server that refuses only delays the mail (the workflow retries); it never undoes or fails the order.
 */
export default async function orderPlacedEmails({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await sendOrderPlacedEmailsWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (e) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Order e-mails for ${event.data.id} not sent: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED }
