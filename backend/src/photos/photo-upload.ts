import type { PhotoUpload } from "../workflows/producer/attach-product-photos"
import { processProductPhoto } from "./process-product-photo"

/**
 * One photo through the pipeline, as the File Module upload wants it: the largest JPEG first (the URL every client
 * can show), then the other renditions. Throws PhotoRejectedError for a photo that is refused.
 */
export async function preparePhotoUpload(input: Buffer, stem: string): Promise<PhotoUpload> {
  const renditions = await processProductPhoto(input)
  renditions.sort((a, b) => Number(b.format === "jpeg") - Number(a.format === "jpeg") || b.width - a.width)
  return {
    renditions: renditions.map((r) => ({
      filename: `${stem}-${r.width}.${r.format === "jpeg" ? "jpg" : r.format}`,
      mimeType: r.mimeType,
      content: r.content.toString("base64"),
      width: r.width,
      format: r.format,
    })),
  }
}
