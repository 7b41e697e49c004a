import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parse } from "csv-parse/sync"
import { normalizeText } from "../text"

/**
 * The QĐ 148/QĐ-TTg product tree (Phụ lục I). Codes are "ngành.nhóm[.phân nhóm]": "I" (sector), "I.2" (group),
 * "I.2.b" (sub-group). Every code is a valid product-group code; the 26 scoring sets are the leaves.
 */
export type ProductGroup = {
  code: string
  name: string
  level: "sector" | "group" | "subgroup"
  parentCode: string | null
  scoringSet: number | null
}

type TaxonomyRow = {
  nganh_code: string
  nganh: string
  nhom_code: string
  nhom: string
  phan_nhom_code: string
  phan_nhom: string
  bo_san_pham_no: string
}

const rows: TaxonomyRow[] = parse(readFileSync(join(__dirname, "..", "..", "data", "ocop_taxonomy_148.csv")), {
  columns: true,
  skip_empty_lines: true,
  bom: true,
})

function buildGroups(): ProductGroup[] {
  const groups = new Map<string, ProductGroup>()
  const add = (group: ProductGroup) => groups.has(group.code) || groups.set(group.code, group)
  for (const row of rows) {
    const sector = row.nganh_code
    const group = `${sector}.${row.nhom_code}`
    const hasSub = row.phan_nhom_code.trim() !== ""
    add({ code: sector, name: normalizeText(row.nganh), level: "sector", parentCode: null, scoringSet: null })
    add({
      code: group,
      name: normalizeText(row.nhom),
      level: "group",
      parentCode: sector,
      scoringSet: hasSub ? null : Number(row.bo_san_pham_no),
    })
    if (hasSub) {
      add({
        code: `${group}.${row.phan_nhom_code}`,
        name: normalizeText(row.phan_nhom),
        level: "subgroup",
        parentCode: group,
        scoringSet: Number(row.bo_san_pham_no),
      })
    }
  }
  return [...groups.values()]
}

export const productGroups: ProductGroup[] = buildGroups()
const groupByCode = new Map(productGroups.map((g) => [g.code, g]))

export function getProductGroup(code: string): ProductGroup | undefined {
  return groupByCode.get(code)
}

/** The group and all its ancestors, root first: "I.2.b" → ["I", "I.2", "I.2.b"]. Used to filter by any level. */
export function expandGroupCode(code: string): string[] {
  const chain: string[] = []
  for (let g = groupByCode.get(code); g; g = g.parentCode ? groupByCode.get(g.parentCode) : undefined) {
    chain.unshift(g.code)
  }
  return chain
}
