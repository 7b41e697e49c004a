import type { z } from "@medusajs/framework/zod"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminImportRecords } from "./validators"
import { runCertificationImport } from "../../../../lib/run-certification-import"
import { explainImportFailure } from "../../../../workflows/ocop/import/import-failure"

/**
 * POST /admin/ocop/imports — imports normalised rows (what `npm run import` sends). Each row is checked against the
 * same record schema the file reader uses; a bad row is rejected in the summary, the rest go in, all or nothing.
 */
export const POST = async (req: MedusaRequest<z.infer<typeof AdminImportRecords>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const summary = await runCertificationImport(req.scope, body.records, {
    mode: body.mode,
    source: body.file_name ?? "api",
  }).catch(explainImportFailure)
  res.json(summary)
}
