import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseRequest } from "../../../utils/parse-request"
import { AdminImportRecords } from "./validators"
import { runCertificationImport } from "../../../../workflows/ocop/import/run-import"
import { explainImportFailure } from "../../../../workflows/ocop/import/import-failure"

/**
 * POST /admin/ocop/imports — imports normalised rows (what `npm run import` sends). Each row is checked against the
 * same record schema the file reader uses; a bad row is rejected in the summary, the rest go in, all or nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = parseRequest(AdminImportRecords, req.body)
  const summary = await runCertificationImport(req.scope, body.records, {
    mode: body.mode,
    source: body.file_name ?? "api",
  }).catch(explainImportFailure)
  res.json(summary)
}
