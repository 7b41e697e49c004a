/**
 * Text helpers shared by every reader and by the backend. Vietnamese has two Unicode forms in the wild
 * (precomposed and combining); we always store NFC and compare on a folded key.
 */

/** NFC, trimmed, inner whitespace collapsed. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim()
}

/** Lower-case key without diacritics ("Đắk Lắk" → "dak lak"), for matching only, never for display. */
export function foldText(value: string): string {
  return normalizeText(value)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
}
