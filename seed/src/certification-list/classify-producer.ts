import { foldText, normalizeText } from "../text/fold"

/**
 * Producer type read from how the producer's name starts — the legal form comes first in Vietnamese names
 * ("Công ty TNHH Trang trại Trường Phúc" is an enterprise, not a farm), so the earliest keyword wins.
 */
export const PRODUCER_TYPES = [
  "cooperative",
  "cooperative_group",
  "enterprise",
  "household_business",
  "farm",
  "association",
] as const
export type ProducerType = (typeof PRODUCER_TYPES)[number]

// Matched on the folded name (no diacritics, lower case) with word boundaries. "hộ" alone folds to "ho",
// which is also "hồ"/"họ"; it is matched on the accented text instead (see HOUSEHOLD_WORD).
const KEYWORDS: [RegExp, ProducerType][] = [
  [/(?:^|[^a-z0-9])(?:to hop tac|tht)(?![a-z0-9])/, "cooperative_group"],
  [/(?:^|[^a-z0-9])(?:hop tac xa|htx[a-z]*)(?![a-z0-9])/, "cooperative"],
  [/(?:^|[^a-z0-9])(?:cong ty|cty|doanh nghiep|dntn|ctcp|tnhh|co phan|tap doan)(?![a-z0-9])/, "enterprise"],
  [/(?:^|[^a-z0-9])(?:ho kinh doanh|hkd|ho sx|ho sxkd|ho san xuat|co so|csxs|cssx|ho gia dinh)(?![a-z0-9])/, "household_business"],
  [/(?:^|[^a-z0-9])trang trai(?![a-z0-9])/, "farm"],
  [/(?:^|[^a-z0-9])(?:hiep hoi|hoi)(?![a-z0-9])/, "association"],
]
const HOUSEHOLD_WORD = /(?:^|[\s,(])hộ(?=\s|$)/

/** The producer type and where in the name its keyword starts. */
function findLegalForm(name: string): { type: ProducerType; index: number } | null {
  const folded = foldText(name)
  let best: { type: ProducerType; index: number } | null = null
  for (const [pattern, type] of KEYWORDS) {
    const match = pattern.exec(folded)
    // The pattern may consume the separator before the keyword; index points at the keyword itself.
    const index = match ? match.index + (match[0].length - match[0].trimStart().length) : -1
    if (match && (!best || index < best.index)) best = { type, index }
  }
  const household = HOUSEHOLD_WORD.exec(normalizeText(name).toLowerCase())
  if (household) {
    const index = household.index + (household[0].length - household[0].trimStart().length)
    if (!best || index < best.index) best = { type: "household_business", index }
  }
  return best
}

export function classifyProducer(name: string | null | undefined): ProducerType | null {
  return name ? (findLegalForm(name)?.type ?? null) : null
}

/** Whether the text opens with a legal form ("Công ty …", "HTX …", "Hộ …"): the start of a producer's name. */
export function startsWithLegalForm(text: string): boolean {
  return findLegalForm(text)?.index === 0
}
