import { readFile } from "node:fs/promises"
import fontkit from "@pdf-lib/fontkit"
import { PDFDocument, rgb, type PDFFont } from "pdf-lib"
import QRCode from "qrcode"

const MM = 72 / 25.4
const A4 = { width: 595.28, height: 841.89 }

/** Common A4 label sheets: 3 × 8 labels of 70 × 37 mm (e.g. Avery 3474) and 2 × 7 of 99.1 × 38.1 mm (Avery L7163). */
export const LABEL_LAYOUTS = {
  "3x8": { columns: 3, rows: 8, width: 70 * MM, height: 37.125 * MM, left: 0, top: 0, gapX: 0, gapY: 0 },
  "2x7": { columns: 2, rows: 7, width: 99.1 * MM, height: 38.1 * MM, left: 4.65 * MM, top: 15.15 * MM, gapX: 2.5 * MM, gapY: 0 },
} as const
export type LabelLayout = keyof typeof LABEL_LAYOUTS

export type LabelContent = { url: string; product: string; stars: number | null; lot: string; made_on: string | null; best_before: string | null }

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

/** One A4 page of identical labels for a lot: its QR, the product's name and stars, the lot code and dates. */
export async function renderLabelSheet(label: LabelContent, layout: LabelLayout): Promise<Buffer> {
  const spec = LABEL_LAYOUTS[layout]
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(`Tem truy xuất lô ${label.lot}`)
  const [regular, bold] = await Promise.all([
    readFile(fontPath("DejaVuSans.ttf")).then((bytes) => pdf.embedFont(bytes, { subset: true })),
    readFile(fontPath("DejaVuSans-Bold.ttf")).then((bytes) => pdf.embedFont(bytes, { subset: true })),
  ])
  const qr = await pdf.embedPng(await QRCode.toBuffer(label.url, { errorCorrectionLevel: "M", margin: 1, width: 360 }))
  const page = pdf.addPage([A4.width, A4.height])
  const pad = 2.5 * MM
  const qrSize = spec.height - 2 * pad
  const lines: [string, PDFFont, number][] = [
    [label.product, bold, 8],
    [label.stars ? `${"★".repeat(label.stars)} OCOP ${label.stars} sao` : "OCOP", regular, 7.5],
    [`Lô / Lot: ${label.lot}`, bold, 8],
    [`NSX: ${vnDate(label.made_on)}`, regular, 7.5],
    [`HSD: ${vnDate(label.best_before)}`, regular, 7.5],
  ]
  for (let row = 0; row < spec.rows; row++) {
    for (let column = 0; column < spec.columns; column++) {
      const x = spec.left + column * (spec.width + spec.gapX)
      const top = A4.height - spec.top - row * (spec.height + spec.gapY)
      page.drawImage(qr, { x: x + pad, y: top - pad - qrSize, width: qrSize, height: qrSize })
      const textX = x + pad + qrSize + 2 * MM
      const textWidth = spec.width - (textX - x) - pad
      let y = top - pad - 8
      for (const [text, font, size] of lines) {
        page.drawText(fit(text, font, size, textWidth), { x: textX, y, size, font, color: rgb(0, 0, 0) })
        y -= size + 3.5
      }
    }
  }
  return Buffer.from(await pdf.save())
}
