import { model } from "@medusajs/framework/utils"

/**
 * One producer request for serials (one label sheet). `request_key` is chosen by the client once per request, so a
 * retried request finds its batch instead of issuing the serials again (unique per lot).
 */
export const LotSerialBatch = model
  .define("lot_serial_batch", {
    id: model.id({ prefix: "lserb" }).primaryKey(),
    lot_id: model.text(),
    request_key: model.text(),
    count: model.number(),
  })
  .indexes([{ on: ["lot_id", "request_key"], unique: true }])
