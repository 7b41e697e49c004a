import { foldText } from "./text"

export const PRODUCER_TYPES = ["cooperative", "cooperative_group", "enterprise", "household_business", "farm", "association"] as const
export type ProducerType = (typeof PRODUCER_TYPES)[number]

// Order matters: "Tổ hợp tác" must win over "hợp tác", "Hộ kinh doanh" over a bare "hộ".
const RULES: [RegExp, ProducerType][] = [
  [/^(to hop tac|tht)\b/, "cooperative_group"],
  [/^(hop tac xa|htx\w*|lien hiep htx)\b/, "cooperative"],
  [/^(cong ty|cty|doanh nghiep|dntn|tap doan|chi nhanh cong ty)\b/, "enterprise"],
  [/^(trang trai)\b/, "farm"],
  [/^(hiep hoi|hoi)\b/, "association"],
  [/^(ho kinh doanh|hkd|ho sxkd|ho san xuat|ho gia dinh|ho ong|ho ba|ho|co so)\b/, "household_business"],
]

/** Producer type from how Vietnamese lists name the producer ("HTX …", "Công ty TNHH …", "Hộ kinh doanh …"). */
export function inferProducerType(name: string | null | undefined): ProducerType | null {
  if (!name) return null
  const key = foldText(name)
  return RULES.find(([pattern]) => pattern.test(key))?.[1] ?? null
}
