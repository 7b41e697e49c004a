import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PHOTO_LIMITS } from "../../photos/process-product-photo"

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: PHOTO_LIMITS.maxBytes, files: 1, fields: 0 } }).single("file")

/** One multipart cover photo into memory; multer's limit errors become 400s that name the field. */
export function acceptCover(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req as any, res as any, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      const message =
        error.code === "LIMIT_FILE_SIZE"
          ? "file: ảnh lớn hơn 15 MB / photo is larger than 15 MB"
          : `file: gửi một ảnh trong trường "file" / send one photo in the field "file" (${error.code})`
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    }
    next(error as Error | undefined)
  })
}
