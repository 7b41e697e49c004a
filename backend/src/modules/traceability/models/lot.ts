import { model } from "@medusajs/framework/utils"
import { LotDocument } from "./lot-document"
import { LotStep } from "./lot-step"

export const LOT_STATUSES = ["active", "recalled"] as const

/**
 * One batch of one product, as the producer recorded it. `product_id` is also held by the product ↔ lot link (the
 * relation Query follows); it is kept here only so PostgreSQL can refuse a second lot with the same code for the
 * same product. `public_code` is the only id the public scan page and the QR show.
 */
export const Lot = model
  .define("lot", {
    id: model.id({ prefix: "lot" }).primaryKey(),
    product_id: model.text(),
    code: model.text(),
    public_code: model.text(),
    made_on: model.dateTime(),
    best_before: model.dateTime().nullable(),
    quantity: model.number(),
    growing_area_code: model.text().nullable(),
    commune_code: model.text().nullable(),
    status: model.enum([...LOT_STATUSES]).default("active"),
    recall_reason: model.text().nullable(),
    recalled_at: model.dateTime().nullable(),
    // Who recalled it: { type: "producer" | "curator", id }.
    recalled_by: model.json().nullable(),
    scan_count: model.number().default(0),
    // Checks of serials this lot never issued, or voided: a forged label's sign (the flag unknown_serials_checked).
    suspect_serial_checks: model.number().default(0),
    steps: model.hasMany(() => LotStep, { mappedBy: "lot" }),
    documents: model.hasMany(() => LotDocument, { mappedBy: "lot" }),
  })
  .indexes([
    { on: ["product_id", "code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["public_code"], unique: true, where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "lot_dates_check", expression: (c) => `${c.best_before} IS NULL OR ${c.best_before} >= ${c.made_on}` },
    { name: "lot_quantity_check", expression: (c) => `${c.quantity} > 0` },
  ])
  .cascades({ delete: ["steps", "documents"] })
