import { model } from "@medusajs/framework/utils"
import { CURATOR_SCOPES } from "@ocop/contracts"

/**
 * A person of a provincial (or the national) OCOP office who signs in as the `curator` actor. The auth identity's
 * app_metadata.curator_id holds this id (Medusa names the key after the actor type). Scope is read from here on
 * every request, so changing provinces or deactivating takes effect at once, without new tokens.
 */
export const Curator = model
  .define("curator", {
    id: model.id({ prefix: "ocur" }).primaryKey(),
    email: model.text(),
    name: model.text(),
    scope: model.enum([...CURATOR_SCOPES]).default("province"),
    province_codes: model.array(),
    deactivated_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["email"], unique: true, where: "deleted_at IS NULL" }])
  // A provincial curator without a province would see nothing, a national one with provinces would be ambiguous.
  .checks([
    {
      name: "curator_scope_provinces_check",
      expression: (c) =>
        `(${c.scope} = 'national' AND cardinality(${c.province_codes}) = 0) OR (${c.scope} = 'province' AND cardinality(${c.province_codes}) > 0)`,
    },
  ])
