import sharp from "sharp"
import {
  PHOTO_FORMATS,
  PHOTO_LIMITS,
  PHOTO_WIDTHS,
  PhotoRejectedError,
  type PhotoFormat,
  type PhotoRendition,
} from "../src/photos/process-product-photo"

/**
 * The photo pipeline as it was before issue 18 (one width at a time, its three formats in parallel; AVIF effort 2,
 * WebP effort 4), kept only so that `npm run bench:photos` measures it beside today's on the same photos in one run.
 */

const MIME: Record<PhotoFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" }

/**
 * Checks a photo from its header before anything is decoded, then renders AVIF, WebP and JPEG at three widths.
 * The header check refuses decompression bombs (a 60 KB PNG can declare 50,000 × 50,000 pixels);
 * `limitInputPixels` is the second guard should a header lie. Output carries no EXIF, GPS or XMP: sharp drops
 * metadata unless asked to keep it, and `.rotate()` applies the EXIF orientation first so nothing turns sideways.
 */
export async function processProductPhotoBefore(input: Buffer): Promise<PhotoRendition[]> {
  if (input.length > PHOTO_LIMITS.maxBytes) {
    throw new PhotoRejectedError(`file: ảnh lớn hơn 15 MB / photo is larger than 15 MB (${(input.length / 1048576).toFixed(1)} MB)`)
  }
  let metadata: sharp.Metadata
  try {
    // Reading metadata parses the header only; no pixels are decoded.
    metadata = await sharp(input, { limitInputPixels: false }).metadata()
  } catch {
    throw new PhotoRejectedError("file: không đọc được ảnh; chỉ nhận JPEG, PNG, WebP / not a readable image; JPEG, PNG or WebP only")
  }
  if (!PHOTO_LIMITS.formats.includes(metadata.format as (typeof PHOTO_LIMITS.formats)[number])) {
    throw new PhotoRejectedError(
      `file: định dạng ${metadata.format ?? "không rõ"} không được nhận; chỉ JPEG, PNG, WebP / format ${metadata.format ?? "unknown"} not accepted; JPEG, PNG or WebP only`
    )
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0)
  if (!pixels) throw new PhotoRejectedError("file: ảnh không có kích thước / image has no dimensions")
  if (pixels > PHOTO_LIMITS.maxPixels || (metadata.pages ?? 1) > 1) {
    throw new PhotoRejectedError(
      `file: ảnh quá lớn (${metadata.width}×${metadata.height}), tối đa 40 megapixel / image too large (${metadata.width}×${metadata.height}); at most 40 megapixels, one frame`
    )
  }

  // Decode once, already oriented and scaled to the largest width (JPEG decoding then shrinks on load, 4× cheaper
  // for a 12-MP photo), and render every rendition from those pixels.
  const largest = PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]
  let decoded: { data: Buffer; info: sharp.OutputInfo }
  try {
    decoded = await sharp(input, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: "error" })
      .rotate()
      .resize({ width: largest, withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true })
  } catch {
    throw new PhotoRejectedError("file: ảnh bị hỏng / the image is damaged and cannot be decoded")
  }
  const raw = { raw: { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels } }

  const encode = (width: number, format: PhotoFormat): Promise<PhotoRendition> => {
    // A small photo is not blown up; the wider renditions then keep its own width.
    const resized = sharp(decoded.data, raw).resize({ width, withoutEnlargement: true })
    // A photo is rendered once and downloaded by every buyer on a phone: AVIF gets the slower, smaller encode;
    // JPEG is only the fallback for old browsers, so it skips mozjpeg (6× slower for a third fewer bytes).
    const encoded =
      format === "avif"
        ? resized.avif({ quality: 50, effort: 2 })
        : format === "webp"
          ? resized.webp({ quality: 78 })
          : resized.flatten({ background: "#ffffff" }).jpeg({ quality: 80 })
    return encoded
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ width: info.width, format, mimeType: MIME[format], content: data }))
  }
  // One width at a time, its three formats in parallel: enough to keep two cores busy while bounding the
  // memory a single upload holds in encoders.
  const renditions: PhotoRendition[] = []
  for (const width of PHOTO_WIDTHS) {
    renditions.push(...(await Promise.all(PHOTO_FORMATS.map((format) => encode(width, format)))))
  }
  return renditions
}
