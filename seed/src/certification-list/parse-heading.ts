import { Province, resolveProvince } from "@ocop/domain/places"
import { foldText, normalizeText } from "@ocop/domain"
import { findDate, readDecisionNumber } from "./parse-decision"

/**
 * What the heading of a decision or of its annex says about every row: the issuing province
 * ("ỦY BAN NHÂN DÂN / TỈNH THANH HÓA"), the decision number ("Số: 1114/QĐ-UBND",
 * "(Kèm theo Quyết định số 5445/QĐ-UBND ngày 23/12/2019 …)") and its date ("Thanh Hóa, ngày 06 tháng 4 năm 2021").
 */
export type DocumentHeading = {
  province?: { asListed: string; province: Province }
  decisionNumber?: string
  decisionDate?: string
}

const DECISION_SEGMENT = /(?:^|\s|\()(?:kem theo\s+)?quyet dinh\s+so\b|^so\s*:|^so\s+\d/
const PLACE_DATE = /,\s*ngay\s+\S+\s+thang\s+\S+\s+nam\s+\d{4}|^ngay\s+\d{1,2}\s+thang/
const PROVINCE_WORD = /(?:^|[\s(])(?:tinh|thanh pho)\s+/g

/** Old province as a heading (in capitals) names it, in the spelling of the official list: "THANH HÓA" → "Thanh Hóa". */
export function listedProvinceName(province: Province, name: string): string {
  const foldedName = foldText(name).replace(/^(?:tinh|thanh pho)\s+/, "")
  if (foldedName === "thua thien hue") return "Thừa Thiên Huế"
  const former = province.formerProvinces.find((p) => foldText(p.shortName) === foldedName)
  return former?.shortName ?? province.shortName
}

/** Tries "tỉnh X Y Z …" with up to four words after the type word, longest first. */
function findProvince(folded: string): DocumentHeading["province"] {
  for (const match of folded.matchAll(PROVINCE_WORD)) {
    const words = folded
      .slice((match.index ?? 0) + match[0].length)
      .split(/[\s,;()]+/)
      .filter(Boolean)
    for (let n = Math.min(4, words.length); n >= 1; n--) {
      const name = words.slice(0, n).join(" ")
      const province = resolveProvince(name)
      if (province) return { asListed: listedProvinceName(province, name), province }
    }
  }
  return undefined
}

/**
 * Reads heading segments: one per title cell or per column of a heading line (two-column headings are split
 * on runs of spaces before they get here).
 */
export function parseDocumentHeading(segments: string[]): DocumentHeading {
  const heading: DocumentHeading = {}
  let placeDate: string | undefined
  for (const raw of segments) {
    const segment = normalizeText(raw)
    if (!segment) continue
    const folded = foldText(segment)
    if (!heading.province) heading.province = findProvince(folded)
    if (heading.decisionNumber === undefined && DECISION_SEGMENT.test(folded)) {
      heading.decisionNumber = readDecisionNumber(segment) ?? undefined
      // The date of an annex reference follows "ngày" in the same segment.
      const afterNgay = segment.slice(Math.max(0, folded.indexOf(" ngay ")))
      const date = folded.includes(" ngay ") ? findDate(afterNgay) : null
      if (date?.kind === "date") heading.decisionDate = date.iso
    }
    if (!placeDate && PLACE_DATE.test(folded)) {
      const date = findDate(segment)
      if (date?.kind === "date") placeDate = date.iso
    }
  }
  // A signing date ("Thanh Hóa, ngày 06 tháng 4 năm 2021") only dates this document's own decision.
  if (!heading.decisionDate && placeDate && heading.decisionNumber) heading.decisionDate = placeDate
  return heading
}
