import { model } from "@medusajs/framework/utils"

/**
 * One import of a provincial list: its counts and every rejected row. The HTTP answer carries only the first
 * 1,000 row errors (a 50,000-row list of bad rows would be a 10 MB body the admin page cannot show); the full list
 * stays here and is downloaded as CSV from GET /admin/ocop/imports/:id/report, behind admin authentication, for as
 * long as the operator needs it (the page may be closed before anyone reads the errors).
 */
export const ImportRun = model.define("ocop_import_run", {
  id: model.id({ prefix: "oimp" }).primaryKey(),
  source: model.text(),
  mode: model.enum(["certify", "revoke"]),
  read: model.number(),
  created: model.number(),
  updated: model.number(),
  unchanged: model.number(),
  rejected: model.number(),
  /** every row error, in row order: { source_row, column, value, code, message } */
  errors: model.json(),
})
