import { model } from "@medusajs/framework/utils"
import { ORDER_PART_STATUSES } from "@ocop/contracts"

/**
 * A part's life: created `pending` when the order is placed, `packed` and `shipped` (with tracking) by the producer,
 * `delivered` when the producer or the carrier confirms it; `canceled` only before it leaves (pending or packed).
 */

/**
 * A producer's own part of an order (issue 15): its lines, their subtotal, its status and, once shipped, the
 * tracking number. An order with products of several producers gets one part per producer when it is placed, so
 * each producer packs, ships, cancels and is paid for its own lines only. It stays one Medusa order for the buyer
 * (one checkout, one payment); the part lives in the producer module and points at the order by id.
 */
export const ProducerShipment = model
  .define("producer_shipment", {
    id: model.id({ prefix: "opshp" }).primaryKey(),
    producer_id: model.text().index(),
    order_id: model.text().index(),
    line_item_ids: model.json(),
    status: model.enum([...ORDER_PART_STATUSES]),
    // VND, whole đồng: the sum of the part's lines when the order was placed (what the payout counts).
    subtotal: model.number().default(0),
    // VND: the part's delivery fee when the order was placed (@ocop/domain computePartShippingFee), the buyer paid it.
    shipping_fee: model.number().default(0),
    currency_code: model.text().default("vnd"),
    carrier: model.text().nullable(),
    tracking_number: model.text().nullable(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["order_id", "producer_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([
    {
      name: "producer_shipment_tracking_check",
      expression: (c) => `${c.status} <> 'shipped' OR ${c.tracking_number} IS NOT NULL`,
    },
  ])
