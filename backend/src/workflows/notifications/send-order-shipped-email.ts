import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { orderShippedEmail } from "./order-emails"
import { readShippedPartStep, type ShippedPart } from "./steps/read-shipped-part"
import { sendEmailsStep, type Email } from "./steps/send-emails"

export const ORDER_SHIPPED_TEMPLATE = "ocop-order-shipped"

export function shippedEmails(part: ShippedPart): Email[] {
  if (!part.email || !part.tracking_number) return []
  return [
    {
      to: part.email,
      template: ORDER_SHIPPED_TEMPLATE,
      content: orderShippedEmail(part),
      resource_id: part.order.id,
      resource_type: "order",
      // A corrected tracking number is news for the buyer; the same one again (a redelivered event) is not.
      idempotency_key: `order-shipped:${part.shipment_id}:${part.tracking_number}`,
      data: { shipment_id: part.shipment_id, carrier: part.carrier, tracking_number: part.tracking_number },
    },
  ]
}

/** A producer shipped its part → tell the buyer the carrier and the tracking number. */
export const sendOrderShippedEmailWorkflow = createWorkflow("send-order-shipped-email", (input: { shipment_id: string }) => {
  const part = readShippedPartStep(input)
  const emails = transform({ part }, ({ part }) => shippedEmails(part))
  const sent = sendEmailsStep(emails)
  return new WorkflowResponse(sent)
})
