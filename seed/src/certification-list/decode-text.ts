/**
 * Bytes of a CSV/TSV/TXT file → text. Lists come as UTF-8 (with or without BOM), as UTF-16 ("Unicode text"
 * exported by Excel), or in an 8-bit code page when typed with TCVN3/VNI fonts; the latter are decoded as
 * windows-1252 here so that legacy-encoding.ts can map the Latin-1 look-alikes (it also handles XLSX cells).
 */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1258" | "windows-1252"

const utf8 = new TextDecoder("utf-8", { fatal: true })

export function decodeText(buffer: Uint8Array): { text: string; encoding: TextEncoding } {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(buffer.subarray(3)), encoding: "utf-8-bom" }
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(buffer.subarray(2)), encoding: "utf-16le" }
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(buffer.subarray(2)), encoding: "utf-16be" }
  }
  try {
    return { text: utf8.decode(buffer), encoding: "utf-8" }
  } catch {
    // Not valid UTF-8: an 8-bit file. Windows' own Vietnamese code page (1258, tone marks as combining
    // characters) decodes into nothing but Vietnamese letters; TCVN3/VNI bytes read that way leave stray
    // symbols ("¸", "µ") or unattached marks. Those are decoded as windows-1252, which keeps every byte as one
    // character, so that legacy-encoding.ts can map the Latin-1 look-alikes (it also handles XLSX cells).
    const cp1258 = new TextDecoder("windows-1258").decode(buffer).normalize("NFC")
    if (onlyVietnameseLetters(cp1258)) return { text: cp1258, encoding: "windows-1258" }
    return { text: new TextDecoder("windows-1252").decode(buffer), encoding: "windows-1252" }
  }
}

const VIETNAMESE_LETTER = /^[àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ\u1ea0-\u1ef9]$/
const TYPOGRAPHY = /^[\u00a0–—‘’“”…•°]$/

function onlyVietnameseLetters(text: string): boolean {
  let letters = 0
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 || TYPOGRAPHY.test(ch)) continue
    if (!VIETNAMESE_LETTER.test(ch)) return false
    letters++
  }
  return letters > 0
}

/** Whether the bytes can only be binary (a spreadsheet renamed .csv, an image …): NUL bytes outside UTF-16. */
export function looksBinary(buffer: Uint8Array): boolean {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) return false
  const end = Math.min(buffer.length, 4096)
  for (let i = 0; i < end; i++) if (buffer[i] === 0) return true
  return false
}
