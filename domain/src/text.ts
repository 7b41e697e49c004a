/**
 * Text helpers shared by every reader and by the backend. Vietnamese has two Unicode forms in the wild
 * (precomposed and combining); we always store NFC and compare on a folded key.
 */

/** Whitespace other than a plain space, or two spaces in a row: only then is there anything to collapse. */
const UNTIDY_WHITESPACE = /[^\S ]| {2}/
const SPACE = 32

/** NFC, trimmed, inner whitespace collapsed. */
export function normalizeText(value: string): string {
  const nfc = value.normalize("NFC")
  // Most cells are already tidy; testing first skips the costlier replace (importers call this per cell).
  if (!UNTIDY_WHITESPACE.test(nfc) && nfc.charCodeAt(0) !== SPACE && nfc.charCodeAt(nfc.length - 1) !== SPACE) return nfc
  return nfc.replace(/[\s\u00a0]+/g, " ").trim()
}

/** Lower-case key without diacritics ("Đắk Lắk" → "dak lak"), for matching only, never for display. */
export function foldText(value: string): string {
  // Lower-casing before the đ → d step turns Đ into đ, so one pass handles both.
  return normalizeText(value)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/đ/g, "d")
}

/**
 * The match key: folded, letters and digits only, single spaces ("HTX. Phú Lương" → "htx phu luong"). Two names
 * with the same key are the same name to a person reading a list (producers, spreadsheet headers).
 */
export function matchKey(value: string): string {
  return foldText(value)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

/** URL slug: the match key with dashes ("Quà Tết Đồng Tháp" → "qua-tet-dong-thap"); callers add what makes it unique. */
export function slugify(value: string): string {
  return matchKey(value).replace(/ /g, "-")
}
