import multer from "multer"

/**
 * Reads one uploaded certification list (multipart field "file") into memory. 20 MB holds the operator's national
 * lists; a province's workbook is far smaller. Used by the admin and the curator import routes.
 */
export const acceptListUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 * 1024 * 1024, files: 1 } }).single("file")
