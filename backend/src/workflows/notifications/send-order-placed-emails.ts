import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buyerConfirmationEmail, producerNewOrderEmail } from "./order-emails"
import { readPlacedOrderStep, type PlacedOrder } from "./steps/read-placed-order"
import { sendEmailsStep, type Email } from "./steps/send-emails"

export const ORDER_CONFIRMATION_TEMPLATE = "ocop-order-confirmation"
export const PRODUCER_NEW_ORDER_TEMPLATE = "ocop-producer-new-order"

/** The e-mails of a placed order: the buyer's confirmation, and one "new order" per producer member with its lines. */
export function placedOrderEmails({ order, email, producers }: PlacedOrder): Email[] {
  const emails: Email[] = []
  if (email) {
    emails.push({
      to: email,
      template: ORDER_CONFIRMATION_TEMPLATE,
      content: buyerConfirmationEmail(order),
      resource_id: order.id,
      resource_type: "order",
      idempotency_key: `order-placed:${order.id}:buyer`,
      data: { total: order.total, transfer_reference: order.transfer?.reference ?? null },
    })
  }
  for (const producer of producers) {
    if (!producer.lines.length) continue
    for (const to of producer.recipients) {
      emails.push({
        to,
        template: PRODUCER_NEW_ORDER_TEMPLATE,
        content: producerNewOrderEmail({ order, producer_name: producer.name, lines: producer.lines }),
        resource_id: order.id,
        resource_type: "order",
        idempotency_key: `order-placed:${order.id}:${producer.producer_id}:${to}`,
        data: { producer_id: producer.producer_id },
      })
    }
  }
  return emails
}

/** order.placed → read the order and its producers → send (each message once, retried when refused). */
export const sendOrderPlacedEmailsWorkflow = createWorkflow("send-order-placed-emails", (input: { order_id: string }) => {
  const placed = readPlacedOrderStep(input)
  const emails = transform({ placed }, ({ placed }) => placedOrderEmails(placed))
  const sent = sendEmailsStep(emails)
  return new WorkflowResponse(sent)
})
