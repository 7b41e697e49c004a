import { model } from "@medusajs/framework/utils"
import { LOT_STEP_KINDS } from "@ocop/contracts"
import { Lot } from "./lot"

/** One event of a lot's timeline: when, what was done, and an optional photo from the photo pipeline. */
export const LotStep = model.define("lot_step", {
  id: model.id({ prefix: "lstep" }).primaryKey(),
  happened_on: model.dateTime(),
  kind: model.enum([...LOT_STEP_KINDS]),
  note: model.text(),
  // The photo's renditions: { url, file_ids, renditions: [{ format, width, url }] }.
  photo: model.json().nullable(),
  lot: model.belongsTo(() => Lot, { mappedBy: "steps" }),
})
