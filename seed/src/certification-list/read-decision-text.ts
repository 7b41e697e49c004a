import { foldText, normalizeText } from "@ocop/domain"
import { inferProducerType } from "@ocop/domain"
import { detectLegacyEncoding, LegacyEncoding, repairLegacyString } from "./legacy-encoding"
import { parseAddress } from "./parse-address"
import { readSectionTier } from "./parse-stars"
import { FIELD_LABELS, RawRecord, SectionContext } from "./raw-record"

/**
 * Reads a certification decision written as prose:
 *
 *   Điều 1. Công nhận 03 sản phẩm đạt hạng 4 sao, gồm:
 *   1. Tổ Yến Sào của Công ty TNHH … (huyện Hậu Lộc);
 *   Công nhận 02 sản phẩm đạt hạng 3 sao, gồm: 1. … ; 2. … .
 *
 * Items may stand one per line or follow each other on one line. The printed numbering restarts for each
 * tier, so source_row is the item's ordinal across the whole text.
 */
const HEADING_END = /^(?:can cu|dieu\s+1\b|xet de nghi|theo de nghi)/
const ARTICLE_ONE = /^dieu\s+1\b/
const LATER_ARTICLE = /^dieu\s+(?:[2-9]|\d{2,})\b/
/** Breaks before "2. …" when items run on one line after ":" or ";". */
const CHUNK_BREAK = /\n|(?<=[;:])\s*(?=\d{1,3}[.)]\s)/
const ITEM = /^(\d{1,3})[.)]\s+(.+)$/s
const TRAILING_PAREN = /\s*\(([^()]*)\)\s*$/
const PRODUCER_SEPARATOR = /\s+của\s+/giu
const PRODUCER_LABEL = /[,;–-]?\s*(?:chủ thể|đơn vị|cơ sở sản xuất)\s*:\s*/iu

export type DecisionTextReading = {
  records: RawRecord[]
  headingSegments: string[]
  legacy: LegacyEncoding | null
}

export function readDecisionText(text: string): DecisionTextReading {
  let lines = text.split(/\r?\n/)
  const legacy = detectLegacyEncoding(lines)
  if (legacy) lines = lines.map((line) => repairLegacyString(line, legacy))
  const folded = lines.map((line) => foldText(line))

  let headingEnd = folded.findIndex((line) => HEADING_END.test(line))
  if (headingEnd < 0) headingEnd = Math.min(lines.length, 15)
  // Two-column headings ("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …") are split on the run of spaces.
  const headingSegments = lines.slice(0, headingEnd).flatMap((line) => line.split(/\s{3,}|\t/))

  let start = folded.findIndex((line) => ARTICLE_ONE.test(line))
  if (start < 0) start = headingEnd
  let end = folded.findIndex((line, i) => i > start && LATER_ARTICLE.test(line))
  if (end < 0) end = lines.length

  const records: RawRecord[] = []
  const context: SectionContext = {}
  for (const rawChunk of lines.slice(start, end).join("\n").split(CHUNK_BREAK)) {
    const chunk = normalizeText(rawChunk)
    if (!chunk) continue
    const item = ITEM.exec(chunk)
    if (!item) {
      const tier = readSectionTier(chunk)
      if (tier) {
        context.stars = tier.stars
        context.potentialFiveStar = tier.potentialFiveStar
      }
      continue
    }
    records.push({
      sourceRow: records.length + 1,
      values: splitItem(item[2]),
      labels: { product_name: FIELD_LABELS.product_name, producer_name: FIELD_LABELS.producer_name, address: FIELD_LABELS.address },
      section: { ...context },
    })
  }
  return { records, headingSegments, legacy }
}

/** "‹sản phẩm› của ‹chủ thể› (xã A, huyện B)" → its three parts. */
function splitItem(text: string): RawRecord["values"] {
  let rest = text.replace(/[;.,]+$/, "").trim()
  const values: RawRecord["values"] = {}
  const paren = TRAILING_PAREN.exec(rest)
  if (paren) {
    const address = parseAddress(paren[1])
    // Only a parenthesis naming a unit is the address; "(Chappi Mountains Coffee)" belongs to the name.
    if (address.commune || address.district || address.province) {
      values.address = normalizeText(paren[1])
      rest = rest.slice(0, paren.index).trim()
    }
  }
  const labelled = PRODUCER_LABEL.exec(rest)
  if (labelled) {
    values.product_name = rest.slice(0, labelled.index).trim()
    values.producer_name = rest.slice(labelled.index + labelled[0].length).trim()
    return values
  }
  // The producer follows "của"; when "của" occurs more than once, prefer the one followed by a legal form
  // ("Quà của núi của HTX …": inferProducerType reads only the start of a name), else the last.
  const separators = [...rest.matchAll(PRODUCER_SEPARATOR)]
  if (separators.length === 0) {
    values.product_name = rest
    return values
  }
  const chosen =
    separators.find((match) => inferProducerType(rest.slice((match.index ?? 0) + match[0].length)) !== null) ?? separators[separators.length - 1]
  const at = chosen.index ?? 0
  values.product_name = rest.slice(0, at).trim()
  values.producer_name = rest.slice(at + chosen[0].length).trim()
  return values
}
