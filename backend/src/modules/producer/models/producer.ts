import { model } from "@medusajs/framework/utils"
import { PRODUCER_TYPES } from "@ocop/domain"

/** A chủ thể OCOP: the cooperative, household or firm that makes and sells certified products. */
export const Producer = model
  .define("producer", {
    id: model.id({ prefix: "oprod" }).primaryKey(),
    name: model.text().searchable(),
    // Matching key for imports: name folded (no accents, lower case) + province, so re-imports find the same producer.
    name_key: model.text(),
    handle: model.text().unique(),
    type: model.enum([...PRODUCER_TYPES]).nullable(),
    province_code: model.text().index(),
    commune_code: model.text().nullable(),
    address: model.text().nullable(),
    phone: model.text().nullable(),
    email: model.text().nullable(),
    website: model.text().nullable(),
    story: model.text().nullable(),
    // Yes / no / unknown: null means nobody has said, which the curator dashboard counts apart from "no".
    women_led: model.boolean().nullable(),
    ethnic_minority_led: model.boolean().nullable(),
    // Delivery terms of this producer's order parts (VND); null = the operator's default (OCOP_DEFAULT_SHIPPING_*).
    shipping_fee: model.number().nullable(),
    free_shipping_from: model.number().nullable(),
  })
  .indexes([{ on: ["name_key", "province_code"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "producer_province_code_check", expression: (c) => `${c.province_code} ~ '^[0-9]{2}$'` }])
