import { readFile } from "node:fs/promises"
import { basename, extname } from "node:path"
import { decodeText, looksBinary, TextEncoding } from "./decode-text"
import { detectLayout, readSheetRecords } from "./detect-layout"
import { LegacyEncoding } from "./legacy-encoding"
import { normalizeRecord } from "./normalize-record"
import { DocumentHeading, parseDocumentHeading } from "./parse-heading"
import { FIELD_LABELS, RawRecord } from "./raw-record"
import { readDecisionText } from "./read-decision-text"
import { readDelimited } from "./read-delimited"
import { readXlsx } from "./read-xlsx"
import { CertificationRecord, RowError } from "./record-schema"
import { DuplicateTracker, findMarkup, validateRecord } from "./validate-record"

export type SourceFormat = "xlsx" | "csv" | "tsv" | "text"

export type ParseOptions = {
  /** called while rows are normalised (done, total), e.g. to drive a progress bar */
  onProgress?: (done: number, total: number) => void
}

export type ParseResult = {
  records: CertificationRecord[]
  errors: RowError[]
  /** what the document's heading says for every row */
  document: {
    province?: string
    province_code_2025?: string
    decision_number?: string
    decision_date?: string
  }
  format: SourceFormat
  /** how the bytes were decoded ("xlsx" for workbooks) */
  encoding: TextEncoding | "xlsx"
  /** the legacy Vietnamese encoding found and converted, if any */
  legacy_encoding: LegacyEncoding | null
  /** data rows read (accepted + rejected) */
  rows_read: number
  /** data rows rejected (a row may have several errors) */
  rows_rejected: number
}

/** The file cannot be read as a certification list at all (as opposed to some of its rows being bad). */
export class CertificationFileError extends Error {
  constructor(
    readonly code: "unreadable" | "unsupported_format" | "no_table" | "empty",
    message: string
  ) {
    super(message)
    this.name = "CertificationFileError"
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] // .xls (Excel 97–2003) and .doc

function startsWith(buffer: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte)
}

export async function parseCertificationFile(path: string, options: ParseOptions = {}): Promise<ParseResult> {
  let buffer: Buffer
  try {
    buffer = await readFile(path)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "không tồn tại" : (error as Error).message
    throw new CertificationFileError("unreadable", `Không đọc được tệp ${path}: ${reason}`)
  }
  return parseCertificationBuffer(buffer, basename(path), options)
}

type Extracted = {
  records: RawRecord[]
  headingSegments: string[]
  /** the heading for the file as a whole, when the reader already knows it (workbooks: the first sheet's) */
  heading?: DocumentHeading
  format: SourceFormat
  encoding: ParseResult["encoding"]
  legacy: LegacyEncoding | null
}

export async function parseCertificationBuffer(buffer: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ParseResult> {
  if (buffer.length === 0) throw new CertificationFileError("empty", `Tệp ${fileName} rỗng`)
  const extracted = startsWith(buffer, ZIP_MAGIC) ? await extractWorkbook(buffer, fileName) : extractText(buffer, fileName)
  const heading = extracted.heading ?? parseDocumentHeading(extracted.headingSegments)
  return { ...buildRecords(extracted.records, heading, options), ...describe(extracted, heading) }
}

async function extractWorkbook(buffer: Uint8Array, fileName: string): Promise<Extracted> {
  let workbook: Awaited<ReturnType<typeof readXlsx>>
  try {
    workbook = await readXlsx(buffer)
  } catch (error) {
    throw new CertificationFileError("unreadable", `Không mở được bảng tính ${fileName}: ${(error as Error).message}`)
  }
  const records: RawRecord[] = []
  const headingSegments: string[] = []
  const sheets: { records: RawRecord[]; heading: DocumentHeading }[] = []
  // Every sheet with a recognisable header is read; data rows are numbered as one sequence. Each sheet is its
  // own list: its title rows ("UBND TỈNH …", "Kèm theo Quyết định số …") speak for its rows only.
  for (const sheet of workbook.sheets) {
    const layout = detectLayout(sheet)
    if (!layout) continue
    const reading = readSheetRecords(sheet, layout, records.length + 1)
    records.push(...reading.records)
    headingSegments.push(...reading.headingSegments)
    sheets.push({ records: reading.records, heading: parseDocumentHeading(reading.headingSegments) })
  }
  if (sheets.length === 0) throw noTable(fileName)
  // A sheet without any title (a continuation sheet) reads under the first titled sheet's heading.
  const document = sheets.map((s) => s.heading).find(statesAnything) ?? {}
  for (const sheet of sheets) {
    const heading = statesAnything(sheet.heading) ? sheet.heading : document
    for (const record of sheet.records) record.heading = heading
  }
  return { records, headingSegments, heading: document, format: "xlsx", encoding: "xlsx", legacy: workbook.legacy }
}

function statesAnything(heading: DocumentHeading): boolean {
  return Boolean(heading.province || heading.decisionNumber || heading.decisionDate)
}

function extractText(buffer: Uint8Array, fileName: string): Extracted {
  if (startsWith(buffer, OLE_MAGIC)) {
    throw new CertificationFileError(
      "unsupported_format",
      `${fileName} là tệp Excel 97–2003 (.xls) hoặc Word (.doc): hãy lưu lại thành .xlsx hoặc .csv`
    )
  }
  if (looksBinary(buffer)) {
    throw new CertificationFileError("unsupported_format", `${fileName} không phải bảng tính hay văn bản`)
  }
  const { text, encoding } = decodeText(buffer)
  // Any text file may hold a table; prose is read only when no table header is found.
  let table: ReturnType<typeof readDelimited> | null = null
  let tableError: string | null = null
  try {
    table = readDelimited(text, fileName)
  } catch (error) {
    tableError = (error as Error).message // e.g. an unclosed quote; the text may still be prose
  }
  const layout = table ? detectLayout(table.sheet) : null
  if (table && layout) {
    const reading = readSheetRecords(table.sheet, layout)
    return { ...reading, format: table.delimiter === "\t" ? "tsv" : "csv", encoding, legacy: table.legacy }
  }
  const prose = readDecisionText(text)
  if (prose.records.length > 0) return { ...prose, format: "text", encoding }
  if (tableError) throw new CertificationFileError("unreadable", `Không đọc được ${fileName} như một bảng CSV: ${tableError}`)
  throw extname(fileName).toLowerCase() === ".txt"
    ? new CertificationFileError("no_table", `Không tìm thấy danh sách sản phẩm (Điều 1 …) trong ${fileName}`)
    : noTable(fileName)
}

function noTable(fileName: string): CertificationFileError {
  return new CertificationFileError("no_table", `Không tìm thấy dòng tiêu đề cột (cần ít nhất "Tên sản phẩm" và một cột khác) trong ${fileName}`)
}

const PROGRESS_EVERY = 500

function buildRecords(raws: RawRecord[], heading: DocumentHeading, options: ParseOptions) {
  const records: CertificationRecord[] = []
  const errors: RowError[] = []
  const duplicates = new DuplicateTracker()
  let rejected = 0
  raws.forEach((raw, index) => {
    if (options.onProgress && index % PROGRESS_EVERY === 0) options.onProgress(index, raws.length)
    // Markup rejects the row before anything is read from it: such text is never normalised or stored.
    const markup = findMarkup(raw)
    const normalized = markup.length > 0 ? { record: null, errors: markup } : normalizeRecord(raw, raw.heading ?? heading)
    if (!normalized.record) {
      errors.push(...normalized.errors)
      rejected++
      return
    }
    const duplicate = duplicates.check(normalized.record, raw.labels.product_name ?? FIELD_LABELS.product_name)
    const checked = duplicate ? { error: duplicate } : validateRecord(normalized.record)
    if ("error" in checked) {
      errors.push(checked.error)
      rejected++
      return
    }
    records.push(checked.record)
  })
  options.onProgress?.(raws.length, raws.length)
  return { records, errors, rows_read: raws.length, rows_rejected: rejected }
}

function describe(extracted: Extracted, heading: DocumentHeading) {
  const document: ParseResult["document"] = {}
  if (heading.province) {
    document.province = heading.province.asListed
    document.province_code_2025 = heading.province.province.code
  }
  if (heading.decisionNumber) document.decision_number = heading.decisionNumber
  if (heading.decisionDate) document.decision_date = heading.decisionDate
  return { document, format: extracted.format, encoding: extracted.encoding, legacy_encoding: extracted.legacy }
}
