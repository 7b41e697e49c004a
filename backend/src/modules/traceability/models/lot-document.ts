import { model } from "@medusajs/framework/utils"
import { LOT_DOCUMENT_KINDS } from "@ocop/contracts"
import { Lot } from "./lot"

/** A paper behind a lot (food-safety certificate, self-declaration, lab result), stored through the File Module. */
export const LotDocument = model.define("lot_document", {
  id: model.id({ prefix: "ldoc" }).primaryKey(),
  kind: model.enum([...LOT_DOCUMENT_KINDS]),
  title: model.text(),
  file_id: model.text(),
  url: model.text(),
  // What the bytes are (read from them, not from the upload's claim).
  mime_type: model.text(),
  size_bytes: model.number(),
  pages: model.number().nullable(),
  is_public: model.boolean().default(false),
  lot: model.belongsTo(() => Lot, { mappedBy: "documents" }),
})
