import { productGroups, getProductGroup } from "@ocop/domain/taxonomy"
import { foldText } from "@ocop/domain"
import { memoize } from "./memo"

/**
 * Product group as a list writes it → QĐ 148 code ("I.2.b"). Accepts a code, a name of any level of the
 * 148 tree, or a name of the six groups of the older QĐ 1048 scheme, which are mapped onto the 148 tree.
 * Anything else gives null: an unknown group is not a reason to reject a certified product.
 */
const LEGACY_1048_GROUPS: Record<string, string> = {
  "thuc pham": "I",
  "do uong": "II",
  "thao duoc": "III",
  "duoc lieu": "III",
  "vai va may mac": "IV.2",
  "vai may mac": "IV.2",
  "luu niem noi that trang tri": "IV.1",
  "luu niem noi that va trang tri": "IV.1",
  "thu cong my nghe": "IV",
  "dich vu du lich nong thon ban hang": "VI",
  "dich vu du lich nong thon va ban hang": "VI",
  "dich vu du lich": "VI",
  "du lich": "VI",
  "sinh vat canh": "V",
}

function groupKey(text: string): string {
  return foldText(text)
    .replace(/^(?:(?:nganh|nhom|phan nhom|san pham|sp)\s+)+/, "")
    .replace(/^(?:[ivx]+|\d+|[a-z])[.)]\s*/, "")
    .replace(/[-–,;:/()&]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
}

const groupByName = new Map<string, string>()
for (const group of productGroups) {
  const key = groupKey(group.name)
  // On a clash the group wins over its sector (VI and VI.1 share a name) and over its sub-group
  // ("Đồ uống không cồn" is both II.2 and II.2.b): the list named the wider unit.
  const existing = groupByName.get(key)
  if (!existing || getProductGroup(existing)?.level === "sector") groupByName.set(key, group.code)
}
for (const [name, code] of Object.entries(LEGACY_1048_GROUPS)) if (!groupByName.has(name)) groupByName.set(name, code)

const CODE = /^([IV]+)(?:\.(\d)(?:\.([a-d]))?)?$/i

export function mapProductGroup(text: string | null | undefined): string | null {
  return text ? mapGroupName(text) : null
}

const mapGroupName = memoize((text: string): string | null => {
  const compact = text.replace(/\s+/g, "")
  const code = CODE.exec(compact)
  if (code) {
    const normalized = [code[1].toUpperCase(), code[2], code[3]?.toLowerCase()].filter(Boolean).join(".")
    if (getProductGroup(normalized)) return normalized
  }
  return groupByName.get(groupKey(text)) ?? null
})
