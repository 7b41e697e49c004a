import type { z } from "@medusajs/framework/zod"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { attachProductPhotosWorkflow, type PhotoUpload } from "../../../../../workflows/producer/attach-product-photos"
import { PhotoRejectedError, processProductPhoto } from "../../../../../photos/process-product-photo"
import type { ProducerUploadPhotos } from "../../../validators"
import { assertOwnProduct, type ProducerRequest } from "../../../scope"
import { readProducerProduct } from "../../present-producer-product"

/**
 * POST /producer/products/:id/images — multipart `files` (1–5 photos). Each photo is checked, stripped of
 * metadata and rendered in AVIF/WebP/JPEG × 480/960/1600 before anything is stored; one bad photo refuses
 * the whole request, so a retry does not duplicate the good ones.
 */
export const POST = async (req: ProducerRequest<z.infer<typeof ProducerUploadPhotos>>, res: MedusaResponse) => {
  const { thumbnail } = req.validatedBody
  await assertOwnProduct(req, req.params.id)
  const files = (req.files as Express.Multer.File[] | undefined) ?? []
  if (!files.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "files: chưa chọn ảnh nào / no photo was sent (multipart field `files`)")
  }
  const photos: PhotoUpload[] = []
  for (const [index, file] of files.entries()) {
    try {
      const renditions = await processProductPhoto(file.buffer)
      // The largest JPEG comes first: it becomes the image URL every client can show.
      renditions.sort((a, b) => Number(b.format === "jpeg") - Number(a.format === "jpeg") || b.width - a.width)
      const stem = `${req.params.id}-${Date.now().toString(36)}-${index}`
      photos.push({
        renditions: renditions.map((r) => ({
          filename: `${stem}-${r.width}.${r.format === "jpeg" ? "jpg" : r.format}`,
          mimeType: r.mimeType,
          content: r.content.toString("base64"),
          width: r.width,
          format: r.format,
        })),
      })
    } catch (error) {
      if (error instanceof PhotoRejectedError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${error.message} [${file.originalname}]`)
      }
      throw error
    }
  }
  await attachProductPhotosWorkflow(req.scope).run({
    input: { product_id: req.params.id, photos, set_thumbnail: thumbnail === "true" },
  })
  res.status(201).json({ product: await readProducerProduct(req.scope, req.params.id) })
}
