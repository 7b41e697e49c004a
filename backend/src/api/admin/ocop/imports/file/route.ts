import type { z } from "@medusajs/framework/zod"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ImportFileSummary } from "@ocop/contracts"
import { readUploadedList } from "../../../../utils/read-uploaded-list"
import type { AdminImportFileFields } from "../validators"
import { runCertificationImport } from "../../../../../lib/run-certification-import"
import { explainImportFailure } from "../../../../../workflows/ocop/import/import-failure"

/**
 * POST /admin/ocop/imports/file — multipart upload of a provincial list (xlsx, csv/tsv, decision text). The
 * server parses it with the same code as the CLI and answers with the same summary and row errors.
 */
export const POST = async (req: MedusaRequest<z.infer<typeof AdminImportFileFields>>, res: MedusaResponse) => {
  const { mode } = req.validatedBody
  const { fileName, parsed } = await readUploadedList(req)
  const summary = await runCertificationImport(req.scope, parsed.records, { mode, source: fileName, parsed }).catch(explainImportFailure)
  res.json({ file_name: fileName, format: parsed.format, ...summary } satisfies ImportFileSummary)
}
