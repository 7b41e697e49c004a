import { convertLegacyText, detectLegacyEncoding, encodingFromFont, isAscii, LegacyEncoding, repairLegacyString } from "./legacy-encoding"
import { makeRow, Sheet } from "./sheet"
import { parseXmlPart, XlsxPackage } from "./xlsx-package"

/**
 * Reads a workbook part by part, straight into the compact form layout detection takes, keeping what exceljs' full
 * load kept and nothing more: every cell's text with the font it was typed in (run by run for rich text) and the
 * merged ranges. The rules are exceljs' (4.4), so a list reads exactly as it did through `workbook.xlsx.load`:
 * a cell's style applies from style 1 on (style 0, the default, gives no font), a number in a date format is a
 * day, `_x000D_`-style escapes in text are decoded, and the table spans every row and column a cell or merge touches.
 */

/** A piece of cell text with the name of the font it was typed in (rich-text cells mix fonts run by run). */
type TextPiece = { text: string; font: string | undefined }

/** A rich-text run: `font` undefined when the run has no properties (the cell's font applies), null when they name none. */
type Run = { text: string; font: string | null | undefined }
type StringItem = string | Run[]

type CellStyle = { font: string | undefined; date: boolean }

const NO_PIECES: TextPiece[] = []

function isoDay(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0")
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0")
  return `${dd}/${mm}/${date.getUTCFullYear()}`
}

/** Excel's serial day (1900 or 1904 system) as exceljs converts it, in UTC. */
function excelDay(serial: number, date1904: boolean): string {
  return isoDay(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)))
}

/** exceljs' test: a format with y, m, d, h, s or b outside quotes and brackets shows a date or time. */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""))
}

/** Built-in formats 14–22 and 45–47 are dates and times (the others are numbers, text or locale-specific). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

const unescapeText = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

/** Collects one `<si>` (shared string) or `<is>` (inline string): plain text or runs, phonetic guides left out. */
class StringItemReader {
  private plain = ""
  private runs: Run[] | null = null
  private run: Run | null = null
  private inText = false
  private inProperties = false
  private inPhonetic = false

  open(name: string, attributes: Record<string, string>): void {
    if (name === "rPh") this.inPhonetic = true
    else if (this.inPhonetic) return
    else if (name === "r") this.run = { text: "", font: undefined }
    else if (name === "rPr" && this.run) {
      this.inProperties = true
      this.run.font = null
    } else if (name === "rFont" && this.run && this.inProperties) this.run.font = attributes.val ?? null
    else if (name === "t") this.inText = true
  }

  close(name: string): void {
    if (name === "rPh") this.inPhonetic = false
    else if (name === "t") this.inText = false
    else if (name === "rPr") this.inProperties = false
    else if (name === "r" && this.run) {
      this.run.text = unescapeText(this.run.text)
      ;(this.runs ??= []).push(this.run)
      this.run = null
    }
  }

  text(text: string): void {
    if (!this.inText || this.inPhonetic) return
    if (this.run) this.run.text += text
    else this.plain += text
  }

  result(): StringItem {
    return this.runs ?? unescapeText(this.plain)
  }
}

function itemPieces(item: StringItem | undefined, font: string | undefined): TextPiece[] {
  if (item === undefined) return NO_PIECES
  if (typeof item === "string") return [{ text: item, font }]
  return item.map((run) => ({ text: run.text, font: run.font === undefined ? font : (run.font ?? undefined) }))
}

async function readSharedStrings(zip: XlsxPackage, name: string | undefined): Promise<StringItem[]> {
  const strings: StringItem[] = []
  if (!name || !zip.has(name)) return strings
  let item: StringItemReader | null = null
  await parseXmlPart(zip, name, {
    open(tag, attributes) {
      if (tag === "si") item = new StringItemReader()
      else item?.open(tag, attributes)
    },
    close(tag) {
      if (tag === "si" && item) {
        strings.push(item.result())
        item = null
      } else item?.close(tag)
    },
    text(text) {
      item?.text(text)
    },
  })
  return strings
}

async function readStyles(zip: XlsxPackage, name: string | undefined): Promise<CellStyle[]> {
  if (!name || !zip.has(name)) return []
  const formats = new Map<number, string>()
  const fonts: (string | undefined)[] = []
  const xfs: { fontId: number; numFmtId: number }[] = []
  let section = ""
  let font: { name?: string } | null = null
  await parseXmlPart(zip, name, {
    open(tag, attributes) {
      if (tag === "fonts" || tag === "cellXfs" || tag === "numFmts") section = tag
      else if (tag === "numFmt" && section === "numFmts") formats.set(Number(attributes.numFmtId), attributes.formatCode)
      else if (tag === "font" && section === "fonts") font = {}
      else if (tag === "name" && font) font.name = attributes.val
      else if (tag === "xf" && section === "cellXfs") {
        xfs.push({ fontId: Number(attributes.fontId ?? NaN), numFmtId: Number(attributes.numFmtId ?? 0) })
      }
    },
    close(tag) {
      if (tag === section) section = ""
      else if (tag === "font" && font) {
        fonts.push(font.name)
        font = null
      }
    },
    text() {},
  })
  return xfs.map(({ fontId, numFmtId }) => ({
    font: fonts[fontId],
    date: numFmtId ? (formats.has(numFmtId) ? isDateFormat(formats.get(numFmtId)) : BUILT_IN_DATE_FORMATS.has(numFmtId)) : false,
  }))
}

function columnNumber(reference: string): number {
  let column = 0
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20 // lower case
    if (code < 97 || code > 122) break
    column = column * 26 + code - 96
  }
  return column
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(range.trim())
  if (!match) return null
  const [a, b] = [columnNumber(match[1]), columnNumber(match[3] ?? match[1])]
  const [c, d] = [Number(match[2]), Number(match[4] ?? match[2])]
  return { top: Math.min(c, d), bottom: Math.max(c, d), left: Math.min(a, b), right: Math.max(a, b) }
}

type RawRow = { pieces: TextPiece[][]; lastColumn: number; hasContent: boolean }
type RawSheet = { name: string; rows: { rowNumber: number; pieces: TextPiece[][]; covered: readonly boolean[] | undefined }[] }

type WorkbookParts = { strings: StringItem[]; styles: CellStyle[]; date1904: boolean }

/** One worksheet's rows as cell pieces, then its merges (they follow `<sheetData>`) applied to them. */
async function readSheet(zip: XlsxPackage, path: string, name: string, parts: WorkbookParts): Promise<RawSheet> {
  const rows: (RawRow | undefined)[] = []
  const merges: string[] = []
  let row: RawRow | null = null
  let rowNumber = 0
  let column = 0
  let cell: { type: string | undefined; style: number; value: string | undefined; formula: boolean; inline: StringItemReader | null } | null = null
  let valueOpen = false

  const finishCell = () => {
    if (!row || !cell) return
    const style = cell.style ? parts.styles[cell.style] : undefined
    const font = style?.font
    const { type, value, formula } = cell
    let pieces = NO_PIECES
    if (formula || value !== undefined || cell.inline) {
      if (type === "s" && !formula) pieces = itemPieces(parts.strings[parseInt(value ?? "", 10)], font)
      else if (type === "inlineStr" && !formula) pieces = itemPieces(cell.inline?.result(), font)
      // A formula never calculated (no value) and errors (#N/A …) carry no data.
      else if (value === undefined || type === "e") pieces = NO_PIECES
      else if (type === "str") pieces = [{ text: value, font }]
      else if (type === "b") pieces = [{ text: parseInt(value, 10) !== 0 ? "TRUE" : "FALSE", font }]
      else {
        const number = parseFloat(value)
        pieces = [{ text: style?.date ? excelDay(number, parts.date1904) : String(number), font }]
      }
    }
    // exceljs counts an unstyled empty <c/> as a cell with content (its "merge" type): it widens the table alike.
    const content = formula || value !== undefined || cell.inline !== null || !cell.style
    if (content) row.hasContent = true
    if (column > row.lastColumn) row.lastColumn = column
    if (pieces.length > 0) row.pieces[column - 1] = pieces
  }

  /** Set while inside a cell's `<is>`: its tags and text belong to the inline string. */
  let inline: StringItemReader | null = null
  await parseXmlPart(zip, path, {
    open(tag, attributes) {
      if (inline) return inline.open(tag, attributes)
      switch (tag) {
        case "row":
          rowNumber = attributes.r ? parseInt(attributes.r, 10) : rowNumber + 1
          column = 0
          row = { pieces: [], lastColumn: 0, hasContent: false }
          rows[rowNumber - 1] = row
          break
        case "c":
          if (!row) break
          column = attributes.r ? columnNumber(attributes.r) : column + 1
          cell = { type: attributes.t, style: parseInt(attributes.s ?? "0", 10) || 0, value: undefined, formula: false, inline: null }
          break
        case "v":
          valueOpen = cell !== null
          break
        case "f":
          if (cell) cell.formula = true
          break
        case "is":
          if (cell) inline = cell.inline = new StringItemReader()
          break
        case "mergeCell":
          if (attributes.ref) merges.push(attributes.ref)
          break
      }
    },
    close(tag) {
      if (tag === "is") inline = null
      else if (inline) inline.close(tag)
      else if (tag === "v") valueOpen = false
      else if (tag === "c") {
        finishCell()
        cell = null
      } else if (tag === "row") row = null
    },
    text(text) {
      if (inline) inline.text(text)
      else if (valueOpen && cell) cell.value = (cell.value ?? "") + text
    },
  })

  return applyMerges(name, rows, merges)
}

/**
 * Vertical merges (one producer for several products) give their text to every row they cover; horizontal
 * merges (titles, footnotes, signatures) keep it in the master cell only and flag the cells they cover.
 */
function applyMerges(name: string, rows: (RawRow | undefined)[], merges: string[]): RawSheet {
  let width = 0
  for (const row of rows) if (row?.hasContent && row.lastColumn > width) width = row.lastColumn
  let height = rows.length
  const covered = new Map<number, boolean[]>()
  for (const reference of merges) {
    const range = parseRange(reference)
    if (!range || (range.top === range.bottom && range.left === range.right)) continue
    width = Math.max(width, range.right)
    height = Math.max(height, range.bottom)
    const master = rows[range.top - 1]?.pieces[range.left - 1] ?? NO_PIECES
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue
        const row = (rows[r - 1] ??= { pieces: [], lastColumn: 0, hasContent: false })
        if (c === range.left) {
          row.pieces[c - 1] = master
        } else {
          delete row.pieces[c - 1]
          let flags = covered.get(r)
          if (!flags) covered.set(r, (flags = []))
          flags[c - 1] = true
        }
      }
    }
  }
  const sheetRows: RawSheet["rows"] = []
  for (let r = 1; r <= height; r++) {
    const source = rows[r - 1]?.pieces
    const pieces: TextPiece[][] = new Array(width)
    for (let c = 0; c < width; c++) pieces[c] = source?.[c] ?? NO_PIECES
    const flags = covered.get(r)
    sheetRows.push({ rowNumber: r, pieces, covered: flags && Array.from({ length: width }, (_, c) => flags[c] === true) })
  }
  return { name, rows: sheetRows }
}

function partPath(target: string): string {
  const parts: string[] = []
  for (const part of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/")) {
    if (part === "..") parts.pop()
    else if (part && part !== ".") parts.push(part)
  }
  return parts.join("/")
}

/** The workbook's sheets in their tab order, with the parts they live in. */
async function readWorkbook(zip: XlsxPackage) {
  if (!zip.has("xl/workbook.xml")) throw new Error("không có xl/workbook.xml / no xl/workbook.xml")
  const targets = new Map<string, { type: string; path: string }>()
  if (zip.has("xl/_rels/workbook.xml.rels")) {
    await parseXmlPart(zip, "xl/_rels/workbook.xml.rels", {
      open(tag, attributes) {
        if (tag === "Relationship" && attributes.Id && attributes.Target) {
          targets.set(attributes.Id, { type: attributes.Type ?? "", path: partPath(attributes.Target) })
        }
      },
      close() {},
      text() {},
    })
  }
  const sheets: { name: string; path: string }[] = []
  let date1904 = false
  await parseXmlPart(zip, "xl/workbook.xml", {
    open(tag, attributes) {
      if (tag === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true"
      if (tag !== "sheet") return
      const target = targets.get(attributes.id)
      if (target && target.type.endsWith("/worksheet") && zip.has(target.path)) sheets.push({ name: attributes.name ?? "", path: target.path })
    },
    close() {},
    text() {},
  })
  const partOf = (suffix: string) => [...targets.values()].find((target) => target.type.endsWith(suffix))?.path
  return { sheets, date1904, sharedStrings: partOf("/sharedStrings"), styles: partOf("/styles") }
}

/** Converts pieces typed in a legacy font; other pieces wait for the document-level guess. */
function pieceText(piece: TextPiece, fallback: LegacyEncoding | null): string {
  const hint = encodingFromFont(piece.font)
  if (hint) return convertLegacyText(piece.text, hint.encoding, { upperCaseFont: hint.upperCase })
  return fallback ? repairLegacyString(piece.text, fallback) : piece.text
}

/** Reads every worksheet into a Sheet (see applyMerges for what merged cells give). */
export async function readXlsx(buffer: Uint8Array): Promise<{ sheets: Sheet[]; legacy: LegacyEncoding | null }> {
  const zip = await XlsxPackage.open(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength))
  const workbook = await readWorkbook(zip)
  const parts: WorkbookParts = {
    strings: await readSharedStrings(zip, workbook.sharedStrings),
    styles: await readStyles(zip, workbook.styles),
    date1904: workbook.date1904,
  }
  const rawSheets: RawSheet[] = []
  for (const sheet of workbook.sheets) rawSheets.push(await readSheet(zip, sheet.path, sheet.name, parts))
  parts.strings = [] // the cells hold what they use

  const unhinted: string[] = []
  for (const sheet of rawSheets) {
    for (const row of sheet.rows) {
      for (const cellPieces of row.pieces) for (const piece of cellPieces) if (!encodingFromFont(piece.font)) unhinted.push(piece.text)
    }
  }
  const fallback = detectLegacyEncoding(unhinted)
  let legacy: LegacyEncoding | null = fallback
  const textOf = (piece: TextPiece) => {
    const hint = encodingFromFont(piece.font)
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
