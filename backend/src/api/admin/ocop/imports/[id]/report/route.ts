import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { parseRequest } from "../../../../../utils/parse-request"
import { sendImportReport } from "../../../../../utils/send-import-report"
import { OCOP_IMPORT_MODULE } from "../../../../../../modules/ocop-import"
import type OcopImportModuleService from "../../../../../../modules/ocop-import/service"
import { AdminImportRunParams } from "../../validators"

/** GET /admin/ocop/imports/:id/report — every rejected row of an import as CSV. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { id } = parseRequest(AdminImportRunParams, req.params)
  const runs: OcopImportModuleService = req.scope.resolve(OCOP_IMPORT_MODULE)
  const [run] = await runs.listImportRuns({ id }, { select: ["id", "source", "errors"] })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, "id: không có lần nhập này / no such import")
  sendImportReport(res, run)
}
