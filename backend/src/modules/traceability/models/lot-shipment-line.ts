import { model } from "@medusajs/framework/utils"

/**
 * One order line shipped (in part or whole) from one lot, as the producer named it when shipping its part of the
 * order. The order, its line and the producer are other modules' records, held here by id only (the module imports
 * none of them); a recall reads these rows to find the orders that received units of the lot. `quantity` is how many
 * of the line's units came from this lot (null on rows recorded before quantities per lot: the lot was named, the
 * count not).
 */
export const LotShipmentLine = model
  .define("lot_shipment_line", {
    id: model.id({ prefix: "lship" }).primaryKey(),
    lot_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    producer_id: model.text(),
    quantity: model.number().nullable(),
  })
  .indexes([
    { on: ["lot_id", "line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
  .checks([{ name: "lot_shipment_line_quantity_check", expression: (c) => `${c.quantity} IS NULL OR ${c.quantity} > 0` }])
