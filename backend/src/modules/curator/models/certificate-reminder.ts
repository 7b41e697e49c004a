import { model } from "@medusajs/framework/utils"

/**
 * One expiry reminder told to one producer: at most one row per certificate and threshold (90, 60 or 30 days).
 * The row is inserted before the notification is sent (INSERT … ON CONFLICT DO NOTHING), so a re-run of the job or
 * a second worker finds it taken and sends nothing.
 */
export const CertificateReminder = model
  .define("certificate_reminder", {
    id: model.id({ prefix: "ocrem" }).primaryKey(),
    certification_id: model.text(),
    threshold_days: model.number(),
    province_code: model.text().index(),
    product_id: model.text().nullable(),
    valid_until: model.dateTime(),
    recipients: model.array(),
    notification_ids: model.array(),
  })
  .indexes([{ on: ["certification_id", "threshold_days"], unique: true }])
