import { model } from "@medusajs/framework/utils"

/**
 * The audit log of a curator hiding or showing a listing: one row per change, never updated. The newest row of a
 * product is its current state; `previous_status` is the product's status before a hide, so showing it again
 * restores exactly that (a draft stays a draft).
 */
export const ListingVisibilityChange = model.define("listing_visibility_change", {
  id: model.id({ prefix: "olvis" }).primaryKey(),
  product_id: model.text().index(),
  hidden: model.boolean(),
  reason: model.text(),
  previous_status: model.text().nullable(),
  recorded_by_type: model.text(),
  recorded_by_id: model.text(),
  recorded_by_email: model.text().nullable(),
})
