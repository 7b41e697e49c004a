import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CertificationFileError, parseCertificationBuffer } from "@ocop/seed"
import { parseRequest } from "../../../../utils/parse-request"
import { AdminImportFileFields } from "../validators"
import { runCertificationImport } from "../../../../../workflows/ocop/import/run-import"

/**
 * POST /admin/ocop/imports/file — multipart upload of a provincial list (xlsx, csv/tsv, decision text). The
 * server parses it with the same code as the CLI and answers with the same summary and row errors.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { mode } = parseRequest(AdminImportFileFields, req.body ?? {})
  const file = (req as MedusaRequest & { file?: { originalname: string; buffer: Buffer } }).file
  if (!file) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "file: attach the list as the multipart field \"file\"")
  }
  const fileName = Buffer.from(file.originalname, "latin1").toString("utf8")
  let parsed
  try {
    parsed = await parseCertificationBuffer(file.buffer, fileName)
  } catch (error) {
    if (error instanceof CertificationFileError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `file: ${error.message}`)
    }
    throw error
  }
  const summary = await runCertificationImport(req.scope, parsed.records, {
    mode,
    source: fileName,
    parseErrors: parsed.errors,
  })
  res.json({ file_name: fileName, format: parsed.format, ...summary })
}
