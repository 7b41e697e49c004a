import { model } from "@medusajs/framework/utils"
import { REFUND_STATUSES } from "@ocop/contracts"

/**
 * Money owed back to the buyer for a canceled order part. Cash on delivery and VietQR transfers have no provider
 * that can send money back, so the record is the operator's to-do (`pending` until paid by hand); a provider that
 * refunds by itself (Stripe) is called by the cancel workflow, which then marks the record `refunded`.
 */
export const ProducerRefund = model
  .define("producer_refund", {
    id: model.id({ prefix: "opref" }).primaryKey(),
    producer_id: model.text().index(),
    order_id: model.text().index(),
    shipment_id: model.text(),
    amount: model.number(),
    currency_code: model.text().default("vnd"),
    // The payment provider that took the money (pp_system_default = cash on delivery), null when none was found.
    provider_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    status: model.enum([...REFUND_STATUSES]).default("pending"),
  })
  .indexes([{ on: ["shipment_id"], unique: true, where: "deleted_at IS NULL" }])
