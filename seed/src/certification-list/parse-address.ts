import { foldText, normalizeText } from "@ocop/domain"
import { memoize, resolveProvinceCached as resolveProvince } from "./memo"

/**
 * Splits an address as annexes write it ("thôn 3, xã Thạnh Phú, huyện Cầu Kè, tỉnh Trà Vinh") into the
 * commune, district and province names without their type words. Hamlet-level parts (thôn, ấp, tổ dân phố,
 * khu phố, bản, xóm …) are dropped: they are not administrative units we keep, and a hamlet may carry a
 * province's name ("thôn Lâm Đồng").
 */
export type PlaceLevel = "commune" | "district" | "province" | "city" | "hamlet" | "untyped"
export type PlacePart = { level: PlaceLevel; name: string }
export type ParsedAddress = { commune: string | null; district: string | null; province: string | null }

// Type words, longest first so "thị trấn" wins over "thị". They are matched with their diacritics: folded,
// "đường" (street) would swallow the commune "Dương Đông", "phường" the commune "Phương Sơn", "tổ" "Tô Hiệu".
// "thành phố"/"tp" may be a province-level city (Hà Nội, Huế …) or a district-level one (Phú Quốc): decided
// per address.
const TYPE_WORDS: [string, PlaceLevel][] = [
  ["tổ dân phố", "hamlet"],
  ["khu dân cư", "hamlet"],
  ["khu phố", "hamlet"],
  ["số nhà", "hamlet"],
  ["thị trấn", "commune"],
  ["đặc khu", "commune"],
  ["phường", "commune"],
  ["xã", "commune"],
  ["thị xã", "district"],
  ["huyện", "district"],
  ["quận", "district"],
  ["thành phố", "city"],
  ["tỉnh", "province"],
  ["thôn", "hamlet"],
  ["ấp", "hamlet"],
  ["bản", "hamlet"],
  ["xóm", "hamlet"],
  ["khối", "hamlet"],
  ["khóm", "hamlet"],
  ["tổ", "hamlet"],
  ["đường", "hamlet"],
  ["số", "hamlet"],
  ["kp", "hamlet"],
  ["tdp", "hamlet"],
  // Abbreviations, only with a dot or followed by a space: "TT. Cầu Kè", "TX Hương Trà", "TP. Phú Quốc".
  ["tt", "commune"],
  ["p", "commune"],
  ["x", "commune"],
  ["tx", "district"],
  ["h", "district"],
  ["q", "district"],
  ["tp", "city"],
  ["t", "province"],
]
function typePattern(words: string[]): RegExp {
  return new RegExp(`^(${words.map((word) => word.replace(/ /g, "\\s+")).join("|")})(?:\\s*\\.\\s*|\\s+)(?=\\S)`, "u")
}
const ACCENTED_TYPE = typePattern(TYPE_WORDS.map(([word]) => word))
// For addresses typed without any diacritics ("xa Thanh Phu, huyen Cau Ke") the folded words apply.
const PLAIN_TYPE = typePattern(TYPE_WORDS.map(([word]) => foldText(word)))
const TYPE_LEVEL = new Map<string, PlaceLevel>()
for (const [word, level] of TYPE_WORDS) {
  TYPE_LEVEL.set(word, level)
  if (!TYPE_LEVEL.has(foldText(word))) TYPE_LEVEL.set(foldText(word), level)
}
const PART_SEPARATOR = /[,;\n]+/
const DASH_SEPARATOR = /\s+[-–]\s+/
const EDGE_PUNCTUATION = /^[\s.\-–:()]+|[\s.\-–:()]+$/g

const NON_ASCII = /[^\x00-\x7f]/

/** Classifies one comma-separated part by its leading type word and strips that word. */
export function parsePlacePart(text: string): PlacePart {
  return classifyPart(normalizeText(text))
}

// Parts repeat across rows ("huyện Cầu Kè", "tỉnh Trà Vinh"): classify each spelling once.
const classifyPart = memoize((normalized: string): PlacePart => {
  const name = normalized.replace(EDGE_PUNCTUATION, "")
  const lower = name.toLowerCase()
  // Text without any diacritics is matched against the folded type words ("xa", "huyen").
  const match = NON_ASCII.test(lower) ? ACCENTED_TYPE.exec(lower) : PLAIN_TYPE.exec(lower)
  // Lower-casing keeps one character per NFC letter, so the matched length also cuts the original text.
  if (!match || lower.length !== name.length) return { level: "untyped", name }
  const level = TYPE_LEVEL.get(match[1].replace(/\s+/g, " ")) ?? "untyped"
  return { level, name: name.slice(match[0].length).trim() }
})

/** "Tân Hà - Lâm Hà - Lâm Đồng" is three parts, but "Bà Rịa - Vũng Tàu" is one province. */
function splitDashes(part: string): string[] {
  if (!DASH_SEPARATOR.test(part) || resolveProvince(part.replace(EDGE_PUNCTUATION, ""))) return [part]
  const pieces = part.split(DASH_SEPARATOR)
  const last = pieces[pieces.length - 1]
  // Keep a trailing dashed province whole: "xã A - Bà Rịa - Vũng Tàu".
  if (pieces.length > 2 && resolveProvince(`${pieces[pieces.length - 2]} - ${last}`)) {
    return [...pieces.slice(0, -2), `${pieces[pieces.length - 2]} - ${last}`]
  }
  return pieces
}

/** A name without digits: an untyped part with a house number or a street is not a unit name. */
const HAS_DIGIT = /\d/

export function parseAddress(text: string): ParsedAddress {
  const parts = normalizeText(text)
    .split(PART_SEPARATOR)
    .flatMap(splitDashes)
    .map((part) => classifyPart(part.trim()))
    .filter((part) => part.name !== "" && part.level !== "hamlet")
  const result: ParsedAddress = { commune: null, district: null, province: null }

  for (const part of parts) {
    if (part.level === "commune") result.commune ??= part.name
    else if (part.level === "district") result.district ??= part.name
    else if (part.level === "province") result.province ??= part.name
  }
  // "thành phố X" is the province only when nothing else names one, it comes last and X is a province.
  const cities = parts.filter((part) => part.level === "city")
  for (const city of cities) {
    const isLast = parts[parts.length - 1] === city
    if (!result.province && isLast && resolveProvince(city.name)) result.province = city.name
    else result.district ??= city.name
  }
  assignUntypedParts(parts, result)
  return result
}

const LOWER_LEVEL: Record<string, "district" | "commune" | null> = {
  province: "district",
  city: "commune",
  district: "commune",
  commune: null,
}

/**
 * Untyped parts are read by position, right to left (province, district, commune), each one level below the
 * part on its right, and only while that level is still empty: "Thạnh Phú, Cầu Kè, Trà Vinh",
 * "xã Tân Hà - Lâm Hà - Lâm Đồng". A part with digits (house number, street) stops the walk.
 */
function assignUntypedParts(parts: PlacePart[], result: ParsedAddress) {
  let expected: "province" | "district" | "commune" | null = "province"
  for (let i = parts.length - 1; i >= 0 && expected; i--) {
    const part = parts[i]
    if (part.level !== "untyped") {
      expected = LOWER_LEVEL[part.level] ?? null
      continue
    }
    if (HAS_DIGIT.test(part.name) || result[expected] !== null) break
    if (expected === "province" && !resolveProvince(part.name)) break
    result[expected] = part.name
    expected = LOWER_LEVEL[expected]
  }
}
