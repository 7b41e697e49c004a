import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { formatErrorReport, type RowError } from "@ocop/seed"
import { parseRequest } from "../../../../../utils/parse-request"
import { OCOP_IMPORT_MODULE } from "../../../../../../modules/ocop-import"
import type OcopImportModuleService from "../../../../../../modules/ocop-import/service"
import { AdminImportRunParams } from "../../validators"

/**
 * GET /admin/ocop/imports/:id/report — every rejected row of an import as CSV (the same report `npm run import`
 * writes beside the file; formula-looking cells are escaped by formatErrorReport).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { id } = parseRequest(AdminImportRunParams, req.params)
  const runs: OcopImportModuleService = req.scope.resolve(OCOP_IMPORT_MODULE)
  const [run] = await runs.listImportRuns({ id }, { select: ["id", "source", "errors"] })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, "id: không có lần nhập này / no such import")
  const name = `${run.source.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 100)}.errors.csv`
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="import.errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
  res.send(formatErrorReport(run.errors as unknown as RowError[]))
}
