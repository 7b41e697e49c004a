import { model } from "@medusajs/framework/utils"

/**
 * Anonymous scan counts of one lot on one day (Vietnam time), per province the scanner chose to name ("" when they
 * did not). Nothing about the person is kept; the per-day rows let the page flag a lot reported from many provinces.
 */
export const LotScanDay = model
  .define("lot_scan_day", {
    id: model.id({ prefix: "lscan" }).primaryKey(),
    lot_id: model.text(),
    day: model.text(),
    province_code: model.text().default(""),
    count: model.number().default(0),
  })
  .indexes([{ on: ["lot_id", "day", "province_code"], unique: true }])
