import { model } from "@medusajs/framework/utils"

/**
 * One import of a provincial list: its counts and every rejected row. The HTTP answer carries only the first
 * 1,000 row errors (a 50,000-row list of bad rows would be a 10 MB body the admin page cannot show); the full list
 * stays here and is downloaded as CSV from GET /admin/ocop/imports/:id/report, behind admin authentication, for as
 * long as the operator needs it (the page may be closed before anyone reads the errors).
 *
 * A curator's import is recorded before its rows are written and filled in chunk by chunk (docs/importing.md,
 * "Curator imports"): `status`, `total` and `processed` are what the console's progress bar polls.
 */
export const ImportRun = model.define("ocop_import_run", {
  id: model.id({ prefix: "oimp" }).primaryKey(),
  source: model.text(),
  mode: model.enum(["certify", "revoke"]),
  /** an admin import is recorded when it has finished; a curator's is "running" until its last chunk */
  status: model.enum(["running", "done", "failed"]).default("done"),
  read: model.number(),
  created: model.number(),
  updated: model.number(),
  unchanged: model.number(),
  rejected: model.number(),
  /** rows to write (the rows that passed every check) and rows written so far */
  total: model.number().default(0),
  processed: model.number().default(0),
  /** why a running import stopped (status "failed"); the chunks before it stay written */
  failure: model.text().nullable(),
  /** who ran it: null for the operator's admin imports */
  curator_id: model.text().nullable(),
  curator_email: model.text().nullable(),
  /** the curator's provinces when it ran: only curators of all of them see the run (null: admin, never shown) */
  province_codes: model.array().nullable(),
  /** every row error, in row order: { source_row, column, value, code, message } */
  errors: model.json(),
})
