import { availableParallelism } from "node:os"
import sharp from "sharp"

// Every photo is new: libvips's operation cache would only hold decoded pixels nobody asks for again.
sharp.cache(false)

export const PHOTO_LIMITS = {
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  formats: ["jpeg", "png", "webp"] as const,
}

export const PHOTO_WIDTHS = [480, 960, 1600] as const
export const PHOTO_FORMATS = ["avif", "webp", "jpeg"] as const
export type PhotoFormat = (typeof PHOTO_FORMATS)[number]

export type PhotoRendition = { width: number; format: PhotoFormat; mimeType: string; content: Buffer }

/** Why a photo was refused; the route answers 400 with this message. */
export class PhotoRejectedError extends Error {}

const MIME: Record<PhotoFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" }

/**
 * Checks a photo from its header before anything is decoded, then renders AVIF, WebP and JPEG at three widths.
 * The header check refuses decompression bombs (a 60 KB PNG can declare 50,000 × 50,000 pixels);
 * `limitInputPixels` is the second guard should a header lie. Output carries no EXIF, GPS or XMP: sharp drops
 * metadata unless asked to keep it, and `.rotate()` applies the EXIF orientation first so nothing turns sideways.
 */
export async function processProductPhoto(input: Buffer): Promise<PhotoRendition[]> {
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
  // for a 12-MP photo); the smaller widths are scaled once from those pixels and every format is encoded from them.
  const largest = PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]
  let decoded: RawPixels
  try {
    decoded = await photoSlots(() =>
      sharp(input, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: "error" })
        .rotate()
        .resize({ width: largest, withoutEnlargement: true })
        .toColourspace("srgb")
        .raw()
        .toBuffer({ resolveWithObject: true })
    )
  } catch {
    throw new PhotoRejectedError("file: ảnh bị hỏng / the image is damaged and cannot be decoded")
  }
  // A small photo is not blown up; the wider renditions then keep its own width.
  const scaled = await Promise.all(PHOTO_WIDTHS.map((width) => (width >= decoded.info.width ? decoded : photoSlots(() => scaleRaw(decoded, width)))))
  const jobs = PHOTO_WIDTHS.flatMap((_, i) => PHOTO_FORMATS.map((format) => ({ format, pixels: scaled[i] })))
  const cost = (job: (typeof jobs)[number]) => ENCODE_COST[job.format] * job.pixels.info.width ** 2
  // Longest first: the large AVIF starts at once and the small encodes fill the other cores around it.
  const renditions: PhotoRendition[] = new Array(jobs.length)
  const longestFirst = jobs.map((_, i) => i).sort((a, b) => cost(jobs[b]) - cost(jobs[a]))
  await Promise.all(longestFirst.map((i) => photoSlots(() => encodeRendition(jobs[i].pixels, jobs[i].format)).then((r) => (renditions[i] = r))))
  return renditions
}

type RawPixels = { data: Buffer; info: sharp.OutputInfo }

const rawInput = (pixels: RawPixels) => ({ raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } })

function scaleRaw(pixels: RawPixels, width: number): Promise<RawPixels> {
  return sharp(pixels.data, rawInput(pixels)).resize({ width }).raw().toBuffer({ resolveWithObject: true })
}

/**
 * Encoder settings, chosen side by side on the benchmark's photos and a drawn scene (docs/benchmarks.md, SSIM and
 * bytes): AVIF effort 1 costs half of effort 2 for ~10 % more bytes at the same quality and stays a third smaller than
 * WebP; WebP effort 2 costs a third of the default for ~4 % more bytes; JPEG is only the fallback for old browsers (and
 * the URL next/image re-encodes from), so it skips mozjpeg (6× slower for a third fewer bytes).
 */
function encodeRendition(pixels: RawPixels, format: PhotoFormat): Promise<PhotoRendition> {
  const image = sharp(pixels.data, rawInput(pixels))
  const encoded =
    format === "avif"
      ? image.avif({ quality: 50, effort: 1 })
      : format === "webp"
        ? image.webp({ quality: 78, effort: 2 })
        : image.flatten({ background: "#ffffff" }).jpeg({ quality: 80 })
  return encoded.toBuffer().then((content) => ({ width: pixels.info.width, format, mimeType: MIME[format], content }))
}

/** Relative CPU cost per pixel of each encoder at the settings above (measured), to start the longest first. */
const ENCODE_COST: Record<PhotoFormat, number> = { avif: 8, webp: 2, jpeg: 1 }

/**
 * libvips runs each operation on one thread here (sharp's default on glibc, against memory fragmentation), so the
 * parallelism is ours: one slot per core for the whole process, shared by every upload, which keeps all cores busy
 * on one photo and bounds the pixels and encoders held in memory however many uploads arrive together.
 */
const photoSlots = limitConcurrency(Math.min(availableParallelism(), 4))

function limitConcurrency(slots: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}
