import { PDFDocument } from "pdf-lib"
import sharp from "sharp"

/** Why a document was refused; the route answers 400 with this message (field first, Vietnamese first). */
export class LotDocumentRejectedError extends Error {}

export type CheckedLotDocument = { mime_type: "application/pdf" | "image/jpeg" | "image/png" | "image/webp"; extension: string; pages: number | null }

const MAX_IMAGE_PIXELS = 40_000_000

/** What the bytes are, from their first bytes only: the upload's file name and Content-Type are the sender's claim. */
function sniff(content: Buffer): CheckedLotDocument["mime_type"] | undefined {
  if (content.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf"
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return "image/jpeg"
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png"
  if (content.subarray(0, 4).toString("latin1") === "RIFF" && content.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp"
  return undefined
}

/**
 * Accepts a PDF or a JPEG/PNG/WebP image that really is one: the type is read from the content, a PDF must parse
 * and stay within the page limit, an image's header must parse and stay within the pixel limit (a small file can
 * declare a huge picture).
 */
export async function checkLotDocument(content: Buffer, limits: { maxBytes: number; maxPages: number }): Promise<CheckedLotDocument> {
  if (!content.length) throw new LotDocumentRejectedError("file: tệp rỗng / the file is empty")
  if (content.length > limits.maxBytes) {
    const mb = Math.round(limits.maxBytes / 1048576)
    throw new LotDocumentRejectedError(`file: tệp lớn hơn ${mb} MB / the file is larger than ${mb} MB`)
  }
  const mime = sniff(content)
  if (!mime) {
    throw new LotDocumentRejectedError(
      "file: chỉ nhận PDF hoặc ảnh JPEG, PNG, WebP (xét theo nội dung tệp) / PDF or JPEG, PNG, WebP images only (judged by the content)"
    )
  }
  if (mime === "application/pdf") {
    let pages: number
    try {
      const pdf = await PDFDocument.load(content, { updateMetadata: false })
      pages = pdf.getPageCount()
    } catch (error) {
      // An encrypted PDF cannot be shown to buyers either.
      throw new LotDocumentRejectedError(`file: không đọc được tệp PDF / the PDF cannot be read (${(error as Error).message.slice(0, 80)})`)
    }
    if (pages < 1) throw new LotDocumentRejectedError("file: tệp PDF không có trang nào / the PDF has no pages")
    if (pages > limits.maxPages) {
      throw new LotDocumentRejectedError(
        `file: PDF có ${pages} trang, tối đa ${limits.maxPages} / the PDF has ${pages} pages, at most ${limits.maxPages}`
      )
    }
    return { mime_type: mime, extension: "pdf", pages }
  }
  let metadata: sharp.Metadata
  try {
    metadata = await sharp(content, { limitInputPixels: false }).metadata()
  } catch {
    throw new LotDocumentRejectedError("file: không đọc được ảnh / the image cannot be read")
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0)
  if (!pixels || pixels > MAX_IMAGE_PIXELS) {
    throw new LotDocumentRejectedError(
      `file: ảnh quá lớn (${metadata.width}×${metadata.height}), tối đa 40 megapixel / the image is too large, at most 40 megapixels`
    )
  }
  return { mime_type: mime, extension: mime.split("/")[1].replace("jpeg", "jpg"), pages: null }
}
