import type { MedusaResponse } from "@medusajs/framework/http"
import { formatErrorReport, type RowError } from "@ocop/seed"

/**
 * Every rejected row of an import as a CSV download (the same report `npm run import` writes beside the file;
 * formula-looking cells are escaped by formatErrorReport). The operator's and the curator's report routes send it.
 */
export function sendImportReport(res: MedusaResponse, run: { source: string; errors: unknown }) {
  const name = `${run.source.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 100)}.errors.csv`
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="import.errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
  res.send(formatErrorReport(run.errors as RowError[]))
}
