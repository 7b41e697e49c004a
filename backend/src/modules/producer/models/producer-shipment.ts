import { model } from "@medusajs/framework/utils"

export const SHIPMENT_STATUSES = ["packed", "shipped"] as const

/**
 * A producer's own part of an order: the lines it packed and, once shipped, the tracking number. An order with
 * products of several producers gets one shipment per producer, so no producer marks another's lines.
 */
export const ProducerShipment = model
  .define("producer_shipment", {
    id: model.id({ prefix: "opshp" }).primaryKey(),
    producer_id: model.text().index(),
    order_id: model.text().index(),
    line_item_ids: model.json(),
    status: model.enum([...SHIPMENT_STATUSES]),
    carrier: model.text().nullable(),
    tracking_number: model.text().nullable(),
    shipped_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["order_id", "producer_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([
    {
      name: "producer_shipment_tracking_check",
      expression: (c) => `${c.status} <> 'shipped' OR ${c.tracking_number} IS NOT NULL`,
    },
  ])
