/**
 * Unicode → legacy Vietnamese encodings, the inverse of what the parser decodes: for the fixtures and the
 * generated corpus (files as provincial offices still produce them).
 */
import { TCVN3_CHARS } from "./legacy-encoding"

// ── Encoders (Unicode → legacy bytes), the inverse of what the parser decodes ────────────────────────────

const TCVN3_CODES = new Map(Object.entries(TCVN3_CHARS).map(([code, ch]) => [ch, Number(code)]))

/** Unicode → TCVN3 bytes as an ABC keyboard driver types them (capital toned letters as lower case). */
export function toTcvn3Bytes(text: string): Buffer {
  const bytes: number[] = []
  for (const ch of text.normalize("NFC")) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) bytes.push(code)
    else {
      const mapped = TCVN3_CODES.get(ch) ?? TCVN3_CODES.get(ch.toLowerCase())
      if (mapped === undefined) throw new Error(`no TCVN3 code for ${ch}`)
      bytes.push(mapped)
    }
  }
  return Buffer.from(bytes)
}
/** TCVN3 bytes as an XLSX cell typed in a .VnTime font stores them: one Latin-1 character per byte. */
export const toTcvn3String = (text: string) => toTcvn3Bytes(text).toString("latin1")

const VNI_TONES: Record<string, string> = { "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï" }
const VNI_CIRCUMFLEX_TONES: Record<string, string> = { "": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä" }
const VNI_BREVE_TONES: Record<string, string> = { "": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë" }
const VNI_I: Record<string, string> = { "": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò" }

/** Unicode → VNI-Windows bytes: base letter, then one modifier byte for its marks. */
export function toVniString(text: string): string {
  let out = ""
  for (const ch of text.normalize("NFC")) {
    const decomposed = ch.normalize("NFD")
    const upper = ch !== ch.toLowerCase()
    const base = decomposed[0].toLowerCase()
    const marks = decomposed.slice(1)
    const tone = [...marks].find((m) => VNI_TONES[m]) ?? ""
    const shape = (s: string) => (upper ? s.toUpperCase() : s)
    let encoded: string
    if (ch === "đ" || ch === "Đ") encoded = shape("ñ")
    else if (marks === "") encoded = ch
    else if (base === "i") encoded = shape(VNI_I[tone])
    else if (base === "y" && tone === "\u0323") encoded = shape("î")
    else if (marks.includes("\u0302")) encoded = shape(base) + shape(VNI_CIRCUMFLEX_TONES[tone])
    else if (marks.includes("\u0306")) encoded = shape(base) + shape(VNI_BREVE_TONES[tone])
    else if (marks.includes("\u031b")) encoded = shape(base === "o" ? "ô" : "ö") + (tone ? shape(VNI_TONES[tone]) : "")
    else encoded = shape(base) + shape(VNI_TONES[tone])
    out += encoded
  }
  return out
}

// Windows-1258: precomposed letters where the code page has them, else base letter + combining tone mark.
const CP1258_CODES = new Map<string, number>()
{
  const decoder = new TextDecoder("windows-1258")
  for (let byte = 0x80; byte <= 0xff; byte++) CP1258_CODES.set(decoder.decode(Uint8Array.of(byte)), byte)
}
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"])

export function toWindows1258Bytes(text: string): Buffer {
  const bytes: number[] = []
  for (const ch of text.normalize("NFC")) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) {
      bytes.push(code)
      continue
    }
    const direct = CP1258_CODES.get(ch)
    if (direct !== undefined) {
      bytes.push(direct)
      continue
    }
    const decomposed = ch.normalize("NFD")
    const tone = [...decomposed].find((mark) => TONE_MARKS.has(mark))
    const base = decomposed.replace(tone ?? "", "").normalize("NFC")
    const baseByte = base.length === 1 && base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : CP1258_CODES.get(base)
    const toneByte = tone ? CP1258_CODES.get(tone) : undefined
    if (baseByte === undefined || (tone && toneByte === undefined)) throw new Error(`no windows-1258 code for ${ch}`)
    bytes.push(baseByte)
    if (toneByte !== undefined) bytes.push(toneByte)
  }
  return Buffer.from(bytes)
}
