import { z } from "zod"

// The import summary: one set of counts for every place that runs or shows an import of a certification list —
// the CLI (`npm run import`), the admin page (POST /admin/ocop/imports[/file]) and the curator console
// (/curator/imports).

/** One reason a data row was rejected. A row may have several. */
export const importRowError = z.object({
  source_row: z.number().int().nonnegative(),
  /** the column header as written in the file (or the field's Vietnamese label for decision prose) */
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** stable English code, e.g. "stars_out_of_range" */
  code: z.string(),
  /** Vietnamese explanation for the provincial staff who fix the file */
  message: z.string(),
})

/** What an import did, row by row counted. */
export const importCounts = z.object({
  /** data rows read (accepted + rejected), not errors: one row may have several */
  read: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** rows rejected */
  rejected: z.number().int().nonnegative(),
})

/** POST /admin/ocop/imports: the finished run's counts and its first row errors; all of them are at report_url. */
export const importSummary = importCounts.extend({
  /** the import run */
  id: z.string(),
  /** the first 1,000 row errors, in row order */
  errors: z.array(importRowError),
  errors_total: z.number().int().nonnegative(),
  errors_truncated: z.boolean(),
  report_url: z.string().startsWith("/admin/"),
})

/** POST /admin/ocop/imports/file: the summary plus what the file was. */
export const importFileSummary = importSummary.extend({ file_name: z.string(), format: z.string() })

export const IMPORT_STATUSES = ["running", "done", "failed"] as const

/** One import of a list as the curator console shows it (GET /curator/imports/:id): who, how far, its counts. */
export const importRun = importCounts.extend({
  id: z.string(),
  file_name: z.string(),
  status: z.enum(IMPORT_STATUSES),
  curator: z.object({ id: z.string().nullable(), email: z.string().nullable() }),
  created_at: z.string(),
  updated_at: z.string().optional(),
  total: z.number(),
  processed: z.number(),
  progress: z.number().min(0).max(100),
  errors_total: z.number(),
  failure: z.string().nullable(),
  report_url: z.string().optional(),
})

export type ImportRowError = z.infer<typeof importRowError>
export type ImportCounts = z.infer<typeof importCounts>
export type ImportSummary = z.infer<typeof importSummary>
export type ImportFileSummary = z.infer<typeof importFileSummary>
export type ImportRun = z.infer<typeof importRun>
