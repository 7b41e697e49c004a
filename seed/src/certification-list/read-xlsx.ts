import ExcelJS from "exceljs"
import { convertLegacyText, detectLegacyEncoding, encodingFromFont, isAscii, LegacyEncoding, repairLegacyString } from "./legacy-encoding"
import { makeRow, Sheet } from "./sheet"

type FontLike = Partial<ExcelJS.Font> | undefined

/** A piece of cell text with the font it was typed in (rich-text cells mix fonts run by run). */
type TextPiece = { text: string; font: FontLike }

function isoDay(date: Date): string {
  // exceljs builds dates from the serial number in UTC; local getters would shift them by the time zone.
  const dd = String(date.getUTCDate()).padStart(2, "0")
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0")
  return `${dd}/${mm}/${date.getUTCFullYear()}`
}

function piecesOf(value: ExcelJS.CellValue, font: FontLike): TextPiece[] {
  if (value === null || value === undefined) return []
  if (typeof value === "string") return [{ text: value, font }]
  if (typeof value === "number") return [{ text: String(value), font }]
  if (typeof value === "boolean") return [{ text: value ? "TRUE" : "FALSE", font }]
  if (value instanceof Date) return [{ text: isoDay(value), font }]
  if ("richText" in value) return value.richText.map((run) => ({ text: run.text, font: run.font ?? font }))
  if ("hyperlink" in value) return piecesOf(value.text as ExcelJS.CellValue, font)
  if ("formula" in value || "sharedFormula" in value) {
    return piecesOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, font)
  }
  return [] // error values (#N/A …) carry no data
}

/** Converts pieces typed in a legacy font; other pieces wait for the document-level guess. */
function pieceText(piece: TextPiece, fallback: ReturnType<typeof detectLegacyEncoding>): string {
  const hint = encodingFromFont(piece.font?.name)
  if (hint) return convertLegacyText(piece.text, hint.encoding, { upperCaseFont: hint.upperCase })
  return fallback ? repairLegacyString(piece.text, fallback) : piece.text
}

/**
 * Reads every worksheet into a Sheet. Vertical merges (one producer for several products) give their text
 * to every row they cover; horizontal merges (titles, footnotes, signatures) keep it in the master cell only.
 */
export async function readXlsx(buffer: Uint8Array): Promise<{ sheets: Sheet[]; legacy: LegacyEncoding | null }> {
  const workbook = new ExcelJS.Workbook()
  // exceljs declares its own `Buffer extends ArrayBuffer` type; at run time it takes a Node Buffer (zip input).
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)

  type RawSheet = { name: string; rows: { rowNumber: number; pieces: TextPiece[][]; covered: boolean[] }[] }
  const rawSheets: RawSheet[] = []
  const unhinted: string[] = []
  workbook.eachSheet((worksheet) => {
    const rows: RawSheet["rows"] = []
    const width = worksheet.columnCount
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const pieces: TextPiece[][] = []
      const covered: boolean[] = []
      for (let col = 1; col <= width; col++) {
        const cell = row.getCell(col)
        let source = cell
        let isCovered = false
        if (cell.isMerged && cell.master.address !== cell.address) {
          if (cell.master.col === cell.col) source = cell.master
          else isCovered = true
        }
        const cellPieces = isCovered ? [] : piecesOf(source.value, source.font)
        for (const piece of cellPieces) if (!encodingFromFont(piece.font?.name)) unhinted.push(piece.text)
        pieces.push(cellPieces)
        covered.push(isCovered)
      }
      rows.push({ rowNumber, pieces, covered })
    })
    rawSheets.push({ name: worksheet.name, rows })
  })

  const fallback = detectLegacyEncoding(unhinted)
  let legacy: LegacyEncoding | null = fallback
  const textOf = (piece: TextPiece) => {
    const hint = encodingFromFont(piece.font?.name)
    if (hint && piece.text && !isAscii(piece.text)) legacy ??= hint.encoding
    return pieceText(piece, fallback)
  }
  const sheets = rawSheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((row) =>
      makeRow(
        row.rowNumber,
        row.pieces.map((cellPieces) => cellPieces.map(textOf).join("")),
        row.covered
      )
    ),
  }))
  return { sheets, legacy }
}
