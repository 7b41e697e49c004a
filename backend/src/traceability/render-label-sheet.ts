import { readFile } from "node:fs/promises"
import fontkit from "@pdf-lib/fontkit"
import {
  concatTransformationMatrix,
  fill,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFPage,
} from "pdf-lib"
import QRCode from "qrcode"

const MM = 72 / 25.4
const A4 = { width: 595.28, height: 841.89 }

/** Common A4 label sheets: 3 × 8 labels of 70 × 37 mm (e.g. Avery 3474) and 2 × 7 of 99.1 × 38.1 mm (Avery L7163). */
export const LABEL_LAYOUTS = {
  "3x8": { columns: 3, rows: 8, width: 70 * MM, height: 37.125 * MM, left: 0, top: 0, gapX: 0, gapY: 0 },
  "2x7": { columns: 2, rows: 7, width: 99.1 * MM, height: 38.1 * MM, left: 4.65 * MM, top: 15.15 * MM, gapX: 2.5 * MM, gapY: 0 },
} as const
export type LabelLayout = keyof typeof LABEL_LAYOUTS

export type LabelContent = {
  url: string
  product: string
  stars: number | null
  lot: string
  made_on: string | null
  best_before: string | null
  // A per-unit serial, printed small under the lot's lines.
  serial?: string
}

// DejaVu Sans carries every Vietnamese letter and the star; PDF's standard fonts carry neither.
const fontPath = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`)
const vnDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "—")

/** The longest start of `text` that fits `width`, with an ellipsis when cut. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text
  let cut = text
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

/**
 * A QR code's dark modules as rectangles (each row's runs merged) in module units, with a one-module quiet zone:
 * drawn as vector shapes it stays sharp at any print size, and a sheet of 1,000 different codes needs no PNG to
 * encode, compress and embed.
 */
export function qrRuns(url: string): { runs: [number, number, number][]; size: number } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" })
  const runs: [number, number, number][] = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue
      const start = col
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++
      runs.push([start + 1, row + 1, col - start + 1])
    }
  }
  return { runs, size: modules.size + 2 }
}

/**
 * Draws a QR with its top-left corner at (x, top), `side` points wide. One transformation maps module units to the
 * page (y down), so every rectangle is written with whole numbers, and the whole code is one fill.
 */
function drawQr(page: PDFPage, qr: ReturnType<typeof qrRuns>, x: number, top: number, side: number) {
  page.drawRectangle({ x, y: top - side, width: side, height: side, color: rgb(1, 1, 1) })
  const scale = side / qr.size
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, -scale, x, top),
    setFillingRgbColor(0, 0, 0),
    // Rows overlap by a hair so no seam shows between them when printed.
    ...qr.runs.map(([col, row, width]) => rectangle(col, row, width, 1.02)),
    fill(),
    popGraphicsState()
  )
}

/** One A4 page of identical labels for a lot: its QR, the product's name and stars, the lot code and dates. */
export async function renderLabelSheet(label: LabelContent, layout: LabelLayout): Promise<Buffer> {
  const spec = LABEL_LAYOUTS[layout]
  return renderLabels(
    Array.from({ length: spec.rows * spec.columns }, () => label),
    layout,
    `Tem truy xuất lô ${label.lot}`
  )
}

/**
 * As many A4 pages as the labels need, each label with its own QR (per-unit serials: every pack its own code, the
 * serial printed small under the lot). Each distinct URL's QR is computed once.
 */
export async function renderLabels(labels: LabelContent[], layout: LabelLayout, title: string): Promise<Buffer> {
  const spec = LABEL_LAYOUTS[layout]
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(title)
  const [regular, bold] = await Promise.all([
    readFile(fontPath("DejaVuSans.ttf")).then((bytes) => pdf.embedFont(bytes, { subset: true })),
    readFile(fontPath("DejaVuSans-Bold.ttf")).then((bytes) => pdf.embedFont(bytes, { subset: true })),
  ])
  const qrs = new Map<string, ReturnType<typeof qrRuns>>()
  const qrOf = (url: string) => {
    let qr = qrs.get(url)
    if (!qr) {
      qr = qrRuns(url)
      qrs.set(url, qr)
    }
    return qr
  }
  const perPage = spec.rows * spec.columns
  const pad = 2.5 * MM
  const qrSize = spec.height - 2 * pad
  let page = pdf.addPage([A4.width, A4.height])
  for (let i = 0; i < labels.length; i++) {
    if (i > 0 && i % perPage === 0) page = pdf.addPage([A4.width, A4.height])
    const label = labels[i]
    const row = Math.floor((i % perPage) / spec.columns)
    const column = i % spec.columns
    const lines: [string, PDFFont, number][] = [
      [label.product, bold, 8],
      [label.stars ? `${"★".repeat(label.stars)} OCOP ${label.stars} sao` : "OCOP", regular, 7.5],
      [`Lô / Lot: ${label.lot}`, bold, 8],
      [`NSX: ${vnDate(label.made_on)}`, regular, 7.5],
      [`HSD: ${vnDate(label.best_before)}`, regular, 7.5],
      ...(label.serial ? [[`Sê-ri: ${label.serial}`, regular, 6.5] as [string, PDFFont, number]] : []),
    ]
    const x = spec.left + column * (spec.width + spec.gapX)
    const top = A4.height - spec.top - row * (spec.height + spec.gapY)
    drawQr(page, qrOf(label.url), x + pad, top - pad, qrSize)
    const textX = x + pad + qrSize + 2 * MM
    const textWidth = spec.width - (textX - x) - pad
    let y = top - pad - 8
    for (const [text, font, size] of lines) {
      page.drawText(fit(text, font, size, textWidth), { x: textX, y, size, font, color: rgb(0, 0, 0) })
      y -= size + 3.5
    }
  }
  return Buffer.from(await pdf.save())
}
