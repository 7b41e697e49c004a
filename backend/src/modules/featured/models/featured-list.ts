import { model } from "@medusajs/framework/utils"
import { FEATURED_LIST_STATUSES } from "@ocop/contracts"

/**
 * An editorial list of OCOP products ("Quà Tết Đồng Tháp", "Đặc sản mùa nước nổi"): a province's curators make
 * their province's lists, the operator makes national ones (`province_code` null). Products are kept as ordered
 * ids, checked through Query when written (module isolation: no foreign key into the product module), so a
 * deleted product simply drops out of the shop's list. The shop shows a list while it is published and today is
 * within `starts_at`–`ends_at`.
 */
export const FeaturedList = model
  .define("featured_list", {
    id: model.id({ prefix: "ofl" }).primaryKey(),
    handle: model.text(),
    title: model.text(),
    description: model.text().nullable(),
    // The cover's renditions from the photo pipeline: { url, file_ids, renditions: [{ format, width, url }] }.
    cover: model.json().nullable(),
    product_ids: model.array(),
    province_code: model.text().nullable(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    status: model.enum([...FEATURED_LIST_STATUSES]).default("draft"),
    // Who made it: { type: "curator" | "user", id, email } (the ocop module's RecordedBy).
    created_by: model.json(),
  })
  .indexes([{ on: ["handle"], unique: true, where: "deleted_at IS NULL" }, { on: ["province_code", "status"] }])
  .checks([{ name: "featured_list_dates_check", expression: (c) => `${c.ends_at} > ${c.starts_at}` }])
