import { model } from "@medusajs/framework/utils"
import { CERTIFICATION_STATUSES, CERTIFYING_LEVELS } from "@ocop/domain"
import { RatingEvent } from "./rating-event"

/**
 * One OCOP certificate: a product's star tier as granted by one decision. A re-rating issues a new certificate
 * and marks this one superseded, so the history of certificates is the history of the product's stars.
 */
export const Certification = model
  .define("certification", {
    id: model.id({ prefix: "ocert" }).primaryKey(),
    stars: model.number(),
    potential_five_star: model.boolean().default(false),
    score: model.number().nullable(),
    product_group_code: model.text().nullable(),
    decision_number: model.text().nullable(),
    decision_date: model.dateTime().nullable(),
    certifying_level: model.enum([...CERTIFYING_LEVELS]).default("province"),
    valid_from: model.dateTime().nullable(),
    valid_until: model.dateTime().nullable(),
    status: model.enum([...CERTIFICATION_STATUSES]).default("active"),
    status_reason: model.text().nullable(),
    // Origin exactly as the provincial list wrote it (pre-2025 names survive here)…
    province_as_listed: model.text().nullable(),
    district_as_listed: model.text().nullable(),
    commune_as_listed: model.text().nullable(),
    // …and the unit it belongs to in the 34-province system, which buyers browse by.
    province_code: model.text().index(),
    commune_code: model.text().nullable(),
    source: model.text().nullable(),
    // Set by the list importer: which listed product this is (see workflows/ocop/import-keys.ts) and a digest
    // of the row, so an unchanged re-import is recognised without rewriting anything.
    import_key: model.text().nullable(),
    fingerprint: model.text().nullable(),
    rating_events: model.hasMany(() => RatingEvent, { mappedBy: "certification" }),
  })
  .cascades({ delete: ["rating_events"] })
  .indexes([{ on: ["status", "stars"] }, { on: ["status", "province_code"] }, { on: ["import_key"] }])
  .checks([
    { name: "certification_stars_check", expression: (c) => `${c.stars} BETWEEN 3 AND 5` },
    {
      name: "certification_score_check",
      expression: (c) => `${c.score} IS NULL OR (${c.score} >= 0 AND ${c.score} <= 100)`,
    },
    {
      name: "certification_validity_check",
      expression: (c) => `${c.valid_until} IS NULL OR ${c.valid_from} IS NULL OR ${c.valid_until} > ${c.valid_from}`,
    },
    { name: "certification_province_code_check", expression: (c) => `${c.province_code} ~ '^[0-9]{2}$'` },
  ])
