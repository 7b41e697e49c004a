import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { preparePhotoUpload } from "../../../../../photos/photo-upload"
import { PhotoRejectedError } from "../../../../../photos/process-product-photo"
import type { PhotoUpload } from "../../../../../workflows/producer/attach-product-photos"
import { addLotStepWorkflow } from "../../../../../workflows/traceability/add-lot-steps"
import { readStaffLot } from "../../read-producer-lot"
import type { ProducerLotRequest } from "../../scope"
import type { ProducerAddLotStep } from "../../validators"

/**
 * POST /producer/lots/:id/steps — one timeline step (multipart or JSON); an optional `files` photo from the phone's
 * camera goes through the product photo pipeline (checked, stripped of its GPS location, resized) before it is stored.
 */
export const POST = async (req: ProducerLotRequest<ProducerAddLotStep>, res: MedusaResponse) => {
  const [file] = (req.files as Express.Multer.File[] | undefined) ?? []
  let photo: PhotoUpload | null = null
  if (file) {
    try {
      photo = await preparePhotoUpload(file.buffer, `${req.lot.id}-${Date.now().toString(36)}`)
    } catch (error) {
      if (error instanceof PhotoRejectedError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      throw error
    }
  }
  await addLotStepWorkflow(req.scope).run({ input: { lot_id: req.lot.id, step: req.validatedBody, photo } })
  res.status(201).json({ lot: await readStaffLot(req.scope, req.lot.id) })
}
