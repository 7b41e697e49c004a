import { model } from "@medusajs/framework/utils"

/**
 * A producer's named preset for new lots: the parts of the new-lot form that repeat from lot to lot (growing area,
 * commune, quantity, the steps' kinds and notes). Never a code or a date: those are the lot's own. The producer is
 * held by id only (the module imports no other module); its name is unique among its live templates.
 */
export const LotTemplate = model
  .define("lot_template", {
    id: model.id({ prefix: "ltpl" }).primaryKey(),
    producer_id: model.text(),
    name: model.text(),
    growing_area_code: model.text().nullable(),
    commune_code: model.text().nullable(),
    quantity: model.number().nullable(),
    /** [{ kind, note }] in the form's order */
    steps: model.json(),
  })
  .indexes([{ on: ["producer_id", "name"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "lot_template_quantity_check", expression: (c) => `${c.quantity} IS NULL OR ${c.quantity} > 0` }])
