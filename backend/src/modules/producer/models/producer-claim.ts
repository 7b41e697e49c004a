import { model } from "@medusajs/framework/utils"
import { CLAIM_STATUSES } from "@ocop/contracts"

/** A registered member asks to manage an imported producer; an operator decides. */
export const ProducerClaim = model
  .define("producer_claim", {
    id: model.id({ prefix: "opclm" }).primaryKey(),
    member_id: model.text().index(),
    producer_id: model.text().index(),
    message: model.text().nullable(),
    status: model.enum([...CLAIM_STATUSES]).default("pending"),
    decided_at: model.dateTime().nullable(),
  })
  // One open claim per member and producer: asking twice does not queue two decisions.
  .indexes([{ on: ["member_id", "producer_id"], unique: true, where: "status = 'pending' AND deleted_at IS NULL" }])
