import { model } from "@medusajs/framework/utils"
import { CURATOR_SCOPES } from "@ocop/contracts"

/**
 * The operator's invitation to become a curator. Only a SHA-256 of the token is stored (a leaked table grants
 * nothing); `accepted_at` is set by one conditional UPDATE, so two concurrent accepts make one curator.
 */
export const CuratorInvite = model
  .define("curator_invite", {
    id: model.id({ prefix: "ocinv" }).primaryKey(),
    email: model.text(),
    scope: model.enum([...CURATOR_SCOPES]).default("province"),
    province_codes: model.array(),
    token_hash: model.text().unique(),
    expires_at: model.dateTime(),
    invited_by: model.text().nullable(),
    accepted_at: model.dateTime().nullable(),
    accepted_by_curator_id: model.text().nullable(),
  })
  .checks([
    {
      name: "curator_invite_scope_provinces_check",
      expression: (c) =>
        `(${c.scope} = 'national' AND cardinality(${c.province_codes}) = 0) OR (${c.scope} = 'province' AND cardinality(${c.province_codes}) > 0)`,
    },
  ])
