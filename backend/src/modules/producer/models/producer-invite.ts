import { model } from "@medusajs/framework/utils"
import { MEMBER_ROLES } from "@ocop/contracts"

/** An operator's invitation to join a producer. Only a SHA-256 of the token is stored: a leaked table grants nothing. */
export const ProducerInvite = model.define("producer_invite", {
  id: model.id({ prefix: "opinv" }).primaryKey(),
  producer_id: model.text().index(),
  email: model.text().nullable(),
  role: model.enum([...MEMBER_ROLES]).default("owner"),
  token_hash: model.text().unique(),
  expires_at: model.dateTime(),
  accepted_at: model.dateTime().nullable(),
  accepted_by_member_id: model.text().nullable(),
})
