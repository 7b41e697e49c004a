import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readConfig } from "../../../../../lib/config"
import { checkLotDocument, LotDocumentRejectedError } from "../../../../../traceability/check-lot-document"
import { addLotDocumentWorkflow } from "../../../../../workflows/traceability/add-lot-document"
import { readStaffLot } from "../../read-producer-lot"
import type { ProducerLotRequest } from "../../scope"
import type { ProducerAddLotDocument } from "../../validators"

/**
 * POST /producer/lots/:id/documents — multipart `file` (PDF or image, judged by its content, size- and
 * page-limited), `kind`, `title`, `is_public`. Private documents are stored with private access and never shown on
 * the scan page.
 */
export const POST = async (req: ProducerLotRequest<ProducerAddLotDocument>, res: MedusaResponse) => {
  const file = req.file as Express.Multer.File | undefined
  if (!file) throw new MedusaError(MedusaError.Types.INVALID_DATA, 'file: chưa chọn tệp / no file was sent (multipart field "file")')
  const { documentMaxBytes, documentMaxPages } = readConfig().lots
  let checked
  try {
    checked = await checkLotDocument(file.buffer, { maxBytes: documentMaxBytes, maxPages: documentMaxPages })
  } catch (error) {
    if (error instanceof LotDocumentRejectedError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }
  await addLotDocumentWorkflow(req.scope).run({
    input: {
      lot_id: req.lot.id,
      ...req.validatedBody,
      mime_type: checked.mime_type,
      size_bytes: file.buffer.length,
      pages: checked.pages,
      // Our own name: the uploaded one is the sender's text.
      filename: `${req.lot.public_code}-${req.validatedBody.kind}-${Date.now().toString(36)}.${checked.extension}`,
      content_base64: file.buffer.toString("base64"),
    },
  })
  res.status(201).json({ lot: await readStaffLot(req.scope, req.lot.id) })
}
