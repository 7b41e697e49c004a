import { model } from "@medusajs/framework/utils"

/**
 * One pack's own serial in a lot (GS1 AI 21), printed under its own QR. `first_checked_at` is set once, by the first
 * scan, in one conditional UPDATE (service.checkLotSerial); later scans count in `check_count` and answer "already
 * checked on <first_checked_at>". Nothing about the person who scanned is kept. A voided serial (labels lost, stolen,
 * misprinted: `voided_at`, `void_reason`) is never "first" again: its checks answer "voided".
 */
export const LotSerial = model
  .define("lot_serial", {
    id: model.id({ prefix: "lser" }).primaryKey(),
    lot_id: model.text(),
    batch_id: model.text(),
    code: model.text(),
    first_checked_at: model.dateTime().nullable(),
    check_count: model.number().default(0),
    voided_at: model.dateTime().nullable(),
    void_reason: model.text().nullable(),
  })
  .indexes([
    // Unique across all lots, so a serial alone names one pack.
    { on: ["code"], unique: true },
    { on: ["lot_id", "batch_id"] },
  ])
