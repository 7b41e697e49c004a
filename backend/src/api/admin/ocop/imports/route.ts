import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseRequest } from "../../../utils/parse-request"
import { AdminImportRecords } from "./validators"
import { runCertificationImport } from "../../../../workflows/ocop/import/run-import"

/** POST /admin/ocop/imports — imports normalised rows (what `npm run import` sends). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = parseRequest(AdminImportRecords, req.body)
  const summary = await runCertificationImport(req.scope, body.records, {
    mode: body.mode,
    source: body.file_name ?? "api",
  })
  res.json(summary)
}
