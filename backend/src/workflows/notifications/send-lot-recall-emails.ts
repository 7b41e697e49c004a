import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { lotRecallEmail } from "./order-emails"
import { readRecalledLotOrdersStep, type RecalledLotOrder } from "./steps/read-recalled-lot-orders"
import { sendEmailsStep, type Email } from "./steps/send-emails"

export const LOT_RECALL_TEMPLATE = "ocop-lot-recall"

export function lotRecallEmails(orders: RecalledLotOrder[]): Email[] {
  return orders
    .filter((o) => !!o.email)
    .map((o) => ({
      to: o.email!,
      template: LOT_RECALL_TEMPLATE,
      content: lotRecallEmail(o),
      resource_id: o.order.id,
      resource_type: "order",
      // One recall mail per lot and order: a redelivered event mails nobody twice.
      idempotency_key: `lot-recall:${o.lot_id}:${o.order.id}`,
      data: { lot_id: o.lot_id, lot_code: o.lot_code },
    }))
}

/** A lot was recalled → mail the buyer of every order that shipped units of it. */
export const sendLotRecallEmailsWorkflow = createWorkflow("send-lot-recall-emails", (input: { lot_id: string }) => {
  const orders = readRecalledLotOrdersStep(input)
  const emails = transform({ orders }, ({ orders }) => lotRecallEmails(orders))
  return new WorkflowResponse(sendEmailsStep(emails))
})
