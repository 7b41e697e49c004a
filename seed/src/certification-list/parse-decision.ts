import { foldText, normalizeText } from "@ocop/domain"

/**
 * Decision numbers and dates as lists write them: "1114/QĐ-UBND", "Số: 1114/QĐ-UBND", "123/2023/QĐ-UBND",
 * "23/12/2019", "ngày 06 tháng 4 năm 2021", an Excel date cell. Unfilled templates
 * ("số      /QĐ-UBND ngày   /   /") give null, not an error.
 */
const DECISION_NUMBER = /(\d+[A-Za-z]?)\s*\/\s*(?:(\d{4})\s*\/\s*)?((?:QĐ|QD|Qđ|qđ|qd)(?:\s*[-–]\s*\p{L}[\p{L}\d.&]*)*)/u

export function readDecisionNumber(text: string): string | null {
  const value = normalizeText(text)
  const match = DECISION_NUMBER.exec(value)
  if (match) {
    const [, number, year, kind] = match
    return [number, year, kind.replace(/\s+/g, "").replace(/–/g, "-")].filter(Boolean).join("/")
  }
  // A bare number ("1114") is kept as written; text without a digit is an empty template or a remark.
  const bare = value.replace(/^s[ốo]\s*:?\s*/i, "")
  if (/^\d+[A-Za-z]?$/.test(bare)) return bare
  // "QĐ số 527 ngày 3/9/2022", "Quyết định số 527, 03-09-2022": the number follows "số".
  const numbered = NUMBER_AFTER_SO.exec(foldText(value))
  return numbered ? numbered[1].toUpperCase() : null
}

const NUMBER_AFTER_SO = /(?:^|[\s(])so\s*:?\s*(\d+[a-z]?)(?![\d/.-])/

export type DateReading = { kind: "empty" } | { kind: "date"; iso: string } | { kind: "invalid"; text: string }

const DMY = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/
const SPELLED = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4}|\d{2})(?!\d)/
/** Excel day serials between 1954 and 2119: a date cell read as a number. */
const SERIAL = /^\d{5}$/

function isoFromParts(year: number, month: number, day: number): string | null {
  if (year < 1950 || year > 2100 || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null // 31/02 rolls over into March
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

/** Reads a date cell. Any digits that do not make a real calendar date are "invalid" (e.g. 31/02/2023). */
export function readDate(text: string): DateReading {
  const value = normalizeText(text)
  if (!/\d/.test(value)) return { kind: "empty" }
  const found = findDate(value)
  if (found) return found
  if (SERIAL.test(value)) {
    const serial = Number(value)
    const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
    const iso = isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
    if (iso) return { kind: "date", iso }
  }
  return { kind: "invalid", text: value }
}

/** Finds the first date inside a longer text ("5445/QĐ-UBND ngày 23/12/2019"); null when there is none. */
export function findDate(text: string): DateReading | null {
  const iso = ISO.exec(text)
  if (iso) return dateOrInvalid(Number(iso[1]), Number(iso[2]), Number(iso[3]), text)
  const folded = foldText(text)
  const spelled = SPELLED.exec(folded)
  if (spelled) return dateOrInvalid(fullYear(spelled[3]), Number(spelled[2]), Number(spelled[1]), text)
  // Skip the number part of "1114/QĐ-UBND" so "1114/12" is never taken for a day and month.
  const dmy = DMY.exec(text.replace(DECISION_NUMBER, " "))
  if (dmy) {
    return dateOrInvalid(fullYear(dmy[3]), Number(dmy[2]), Number(dmy[1]), text)
  }
  return null
}

/** OCOP began in 2018: a two-digit year is always 20yy. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text)
}

function dateOrInvalid(year: number, month: number, day: number, text: string): DateReading {
  const iso = isoFromParts(year, month, day)
  return iso ? { kind: "date", iso } : { kind: "invalid", text: normalizeText(text) }
}
