import { model } from "@medusajs/framework/utils"
import { MEMBER_ROLES } from "@ocop/contracts"

/**
 * A person who signs in as the `producer` actor. The auth identity's app_metadata.producer_id holds this
 * member's id (Medusa names the key after the actor type). `producer_id` is null until an invite is accepted
 * or a claim approved: such a member can only see itself and file claims.
 */
export const ProducerMember = model
  .define("producer_member", {
    id: model.id({ prefix: "opmem" }).primaryKey(),
    email: model.text(),
    name: model.text(),
    role: model.enum([...MEMBER_ROLES]).default("member"),
    producer_id: model.text().index().nullable(),
  })
  .indexes([{ on: ["email"], unique: true, where: "deleted_at IS NULL" }])
