import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PHOTO_LIMITS } from "../../photos/process-product-photo"

const MAX_PHOTOS = 5

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: PHOTO_LIMITS.maxBytes, files: MAX_PHOTOS, fields: 5 },
}).array("files", MAX_PHOTOS)

const MESSAGES: Record<string, string> = {
  LIMIT_FILE_SIZE: "file: ảnh lớn hơn 15 MB / photo is larger than 15 MB",
  LIMIT_FILE_COUNT: `files: tối đa ${MAX_PHOTOS} ảnh mỗi lần / at most ${MAX_PHOTOS} photos at a time`,
  LIMIT_UNEXPECTED_FILE: `files: gửi ảnh trong trường "files", tối đa ${MAX_PHOTOS} / send photos in the field "files", at most ${MAX_PHOTOS}`,
}

/** Multipart photos into memory; multer's limit errors become 400s that name the problem instead of 500s. */
export function acceptPhotos(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req as any, res as any, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, MESSAGES[error.code] ?? `files: ${error.message}`))
    }
    next(error as Error | undefined)
  })
}
