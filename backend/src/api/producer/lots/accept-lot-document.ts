import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readConfig } from "../../../lib/config"

let upload: ReturnType<ReturnType<typeof multer>["single"]> | undefined

/** One multipart `file` into memory; a file over the size limit is cut off by multer and refused with a 400. */
export function acceptLotDocument(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const { documentMaxBytes } = readConfig().lots
  upload ??= multer({ storage: multer.memoryStorage(), limits: { fileSize: documentMaxBytes, files: 1, fields: 5 } }).single("file")
  upload(req as any, res as any, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      const mb = Math.round(documentMaxBytes / 1048576)
      const message =
        error.code === "LIMIT_FILE_SIZE"
          ? `file: tệp lớn hơn ${mb} MB / the file is larger than ${mb} MB`
          : `file: gửi một tệp trong trường "file" / send one file in the field "file" (${error.code})`
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    }
    next(error as Error | undefined)
  })
}
