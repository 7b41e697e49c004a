import { resolveProvince } from "@ocop/domain/places"
import { foldText, matchKey, normalizeText } from "@ocop/domain"
import { mapProductGroup } from "./map-product-group"
import { parsePlacePart } from "./parse-address"
import { readSectionTier } from "./parse-stars"
import { Field, RawRecord, SectionContext } from "./raw-record"
import { Sheet, SheetRow } from "./sheet"

/**
 * Finds the header row of a certification table and reads the rows under it: which are data, which are
 * section headings carrying a tier or a place, which are blank, column-number, footnote or signature rows.
 */
type ColumnRole = Field | "ordinal" | "note"

// Header synonyms, folded (no diacritics, lower case, punctuation as spaces).
const HEADER_SYNONYMS: Record<ColumnRole, string[]> = {
  ordinal: ["tt", "stt", "so tt", "so thu tu", "thu tu"],
  product_name: [
    "ten san pham",
    "ten sp",
    "san pham",
    "ten san pham ocop",
    "san pham ocop",
    "ten san pham dat chuan ocop",
    "ten hang hoa",
    "ten san pham dich vu",
  ],
  producer_name: [
    "chu the",
    "ten chu the",
    "chu the san xuat",
    "co so san xuat",
    "don vi",
    "chu the ocop",
    "ten chu the ocop",
    "ten co so",
    "ten don vi",
    "don vi san xuat",
    "ten chu the san xuat",
    "chu the co san pham",
    "ten doanh nghiep",
    "chu the san pham",
    "ten chu the co san pham",
    "ten to chuc ca nhan",
    "to chuc ca nhan",
    "co so",
  ],
  address: [
    "dia chi",
    "dia chi chu the",
    "dia chi san xuat",
    "dia chi co so",
    "dia chi chu the san xuat",
    "noi san xuat",
    "dia ban",
    "dia phuong",
    "dia ban san xuat",
  ],
  commune: ["xa", "xa phuong", "phuong xa", "xa phuong thi tran", "ten xa", "cap xa", "xa thi tran", "xa phuong tt", "xa tt", "xa phuong dac khu"],
  district: [
    "huyen",
    "quan huyen",
    "huyen thi xa",
    "huyen thi xa thanh pho",
    "huyen tx tp",
    "ten huyen",
    "cap huyen",
    "huyen thanh pho",
    "huyen tp",
    "huyen tx",
    "huyen thi",
    "quan huyen tp",
    "huyen thi xa tp",
    "quan huyen thi xa",
  ],
  province: ["tinh", "tinh thanh pho", "tinh tp", "ten tinh", "tinh thanh"],
  stars: [
    "hang sao",
    "phan hang",
    "xep hang",
    "so sao",
    "hang",
    "ket qua phan hang",
    "xep hang sao",
    "hang sao ocop",
    "phan hang sao",
    "sao",
    "hang dat",
    "ket qua danh gia phan hang",
    "ket qua xep hang",
    "ket qua",
    "ket qua danh gia",
    "ket qua phan hang sao",
    "hang sao dat",
    "so sao dat",
  ],
  score: ["diem", "tong diem", "diem so", "diem danh gia", "so diem", "diem dat", "ket qua cham diem"],
  decision_number: ["so quyet dinh", "quyet dinh", "so qd", "qd", "so quyet dinh cong nhan", "quyet dinh cong nhan", "so qd cong nhan"],
  decision_date: [
    "ngay quyet dinh",
    "ngay qd",
    "ngay ban hanh",
    "ngay cong nhan",
    "ngay ky",
    "ngay ky quyet dinh",
    "ngay ban hanh quyet dinh",
    "ngay thang nam",
    "ngay thang nam quyet dinh",
    "ngay thang nam cong nhan",
    "ngay thang nam ban hanh",
  ],
  decision: [
    "so ngay quyet dinh",
    "quyet dinh so ngay",
    "so ngay qd",
    "so va ngay quyet dinh",
    "so quyet dinh ngay",
    "so ngay quyet dinh cong nhan",
    "quyet dinh cong nhan so ngay",
    "so qd ngay",
    "so ngay qd cong nhan",
    "qd cong nhan",
  ],
  product_group: [
    "nhom san pham",
    "nganh",
    "nhom",
    "nganh hang",
    "nhom nganh",
    "bo san pham",
    "phan nhom",
    "nhom nganh san pham",
    "nganh nhom san pham",
    "loai san pham",
    "phan loai",
    "nhom nganh hang",
  ],
  // "Nữ" alone is a whole header only (one-word synonyms match exactly).
  women_led: [
    "nu",
    "nu lam chu",
    "phu nu lam chu",
    "do phu nu lam chu",
    "chu the la nu",
    "chu the nu",
    "chu the do nu lam chu",
    "chu the do phu nu lam chu",
    "nu chu the",
  ],
  ethnic_minority_led: [
    "dtts",
    "dan toc thieu so",
    "dan toc thieu so lam chu",
    "dtts lam chu",
    "chu the dtts",
    "chu the la nguoi dtts",
    "chu the la nguoi dan toc thieu so",
    "nguoi dan toc thieu so",
    "dong bao dan toc thieu so",
    "do dong bao dtts lam chu",
    "do dong bao dan toc thieu so lam chu",
  ],
  note: ["ghi chu", "ghi chu khac", "chu thich"],
}

const exactHeader = new Map<string, ColumnRole>()
const prefixHeaders: [string, ColumnRole][] = []
for (const [role, synonyms] of Object.entries(HEADER_SYNONYMS) as [ColumnRole, string[]][]) {
  for (const synonym of synonyms) {
    exactHeader.set(synonym, role)
    // One-word synonyms ("tinh", "hang") only match exactly: "Tình trạng" must not become the province.
    if (synonym.includes(" ")) prefixHeaders.push([synonym, role])
  }
}
prefixHeaders.sort((a, b) => b[0].length - a[0].length)

function headerKey(text: string): string {
  return matchKey(text)
}

/** The role of a header cell: exact synonym, else the longest multi-word synonym it starts with ("Hạng sao (3–5)"). */
export function matchHeader(text: string): ColumnRole | null {
  const key = headerKey(text)
  if (!key) return null
  const exact = exactHeader.get(key)
  if (exact) return exact
  for (const [synonym, role] of prefixHeaders) if (key.startsWith(`${synonym} `)) return role
  return null
}

export type Layout = {
  /** index in sheet.rows of the last header row */
  headerIndex: number
  /** index in sheet.rows of the first header row (title rows are above it) */
  firstHeaderIndex: number
  roles: (ColumnRole | null)[]
  labels: string[]
}

const HEADER_SCAN_ROWS = 50

function rolesOf(row: SheetRow): (ColumnRole | null)[] {
  return row.cells.map((cell, i) => (row.covered[i] ? null : matchHeader(cell)))
}

function dataFieldCount(roles: (ColumnRole | null)[]): number {
  return new Set(roles.filter((role) => role && role !== "ordinal" && role !== "note")).size
}

function isHeaderRow(row: SheetRow): boolean {
  const roles = rolesOf(row)
  return roles.includes("product_name") && dataFieldCount(roles) >= 2
}

/** Finds the header: the first row naming the product column and at least one other data field. */
export function detectLayout(sheet: Sheet): Layout | null {
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS)
  for (let index = 0; index < limit; index++) {
    const row = sheet.rows[index]
    if (!isHeaderRow(row)) continue
    const roles = rolesOf(row)
    const labels = row.cells.map(normalizeText)
    let headerIndex = index
    // A two-row header: "Địa chỉ" merged over "Xã | Huyện | Tỉnh" on the row below.
    const below = sheet.rows[index + 1]
    if (below) {
      const belowRoles = rolesOf(below)
      const filled = below.cells.filter((cell, i) => cell.trim() !== "" && !below.covered[i])
      const recognised = belowRoles.filter((role) => role !== null)
      if (recognised.length > 0 && recognised.length === filled.length) {
        belowRoles.forEach((role, i) => {
          if (!role) return
          roles[i] = role
          labels[i] = normalizeText(below.cells[i])
        })
        headerIndex = index + 1
      }
    }
    // The first column with a role keeps it; later duplicates are ignored rather than overwriting data.
    const seen = new Set<ColumnRole>()
    const uniqueRoles = roles.map((role) => {
      if (!role || seen.has(role)) return null
      seen.add(role)
      return role
    })
    // When separate Xã/Huyện/Tỉnh columns exist, "Địa chỉ" (often merged above them) still counts as an address.
    return { headerIndex, firstHeaderIndex: index, roles: uniqueRoles, labels }
  }
  return null
}

const INTEGER = /^\d+[.)]?$/
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/
/** Footnote, total and signature rows, matched on folded text at the start of the row. */
const FOOTNOTE =
  /^(?:ghi chu|chu thich|luu y|danh sach (?:gom|co|nay|tren)|tong(?: cong| so)?(?:\s|:|$)|cong(?:\s|:|$)|nguoi lap|noi nhan|t\s*[./]?\s*m\.?\s|tm\.|k\s*[./]?\s*t\.?\s|kt\.|chu tich|pho chu tich|giam doc|\(?da ky|\(?ky,? ghi ro|\*|-\s*nhu dieu|-\s*luu)/
/** Section headings that are part of the list's structure ("SẢN PHẨM ĐẠT 4 SAO", "Hạng 3 sao", "Nhóm …"). */
const SECTION_START = /^(?:san pham|nhom|hang|dat|tiem nang|phan hang|xep hang)\b/

function isColumnNumbering(texts: string[]): boolean {
  return texts.length >= 3 && texts.every((text) => COLUMN_NUMBER.test(text))
}

/** Updates the section context from a heading row; false when the text is no recognisable heading. */
function applySection(text: string, context: SectionContext, allowGroup: boolean): boolean {
  const tier = readSectionTier(text)
  if (tier) {
    context.stars = tier.stars
    context.potentialFiveStar = tier.potentialFiveStar
    return true
  }
  // "TỈNH TRÀ VINH" / "HUYỆN CẦU KÈ": lists grouped by place. A "thành phố" is a province only if it is one.
  const place = parsePlacePart(text)
  if ((place.level === "province" || place.level === "city") && resolveProvince(place.name)) {
    context.province = place.name
    context.district = undefined
    return true
  }
  if (place.level === "district" || place.level === "city") {
    context.district = place.name
    return true
  }
  // A lone "Chè" may be a product; only a marked heading ("Nhóm chè", "II. Đồ uống") names a group.
  const group = allowGroup ? mapProductGroup(text) : null
  if (group) {
    context.productGroup = group
    return true
  }
  return false
}

const TIER_MENTION = /(?:^|\s)(?:\d+|mot|hai|ba|bon|nam)\s*(?:sao|\*|★)/g

/** The one tier a sheet's title or name announces; none when it names several ("3 SAO VÀ 4 SAO") or none. */
function titleTier(texts: string[]): Pick<SectionContext, "stars" | "potentialFiveStar"> {
  const tiers = texts
    .filter((text) => (foldText(text).match(TIER_MENTION)?.length ?? 0) > 0 || foldText(text).includes("tiem nang"))
    .map((text) => ({ text, mentions: foldText(text).match(TIER_MENTION)?.length ?? 0 }))
  if (tiers.length !== 1 || tiers[0].mentions > 1) return {}
  const tier = readSectionTier(tiers[0].text)
  return tier ? { stars: tier.stars, potentialFiveStar: tier.potentialFiveStar } : {}
}

export type SheetReading = { records: RawRecord[]; headingSegments: string[] }

/**
 * Reads the rows under the header. `firstSourceRow` lets several sheets of one workbook number their data
 * rows as one sequence.
 */
export function readSheetRecords(sheet: Sheet, layout: Layout, firstSourceRow = 1): SheetReading {
  const headingSegments: string[] = []
  for (const row of sheet.rows.slice(0, layout.firstHeaderIndex)) {
    row.cells.forEach((cell, i) => {
      if (!row.covered[i] && cell.trim()) headingSegments.push(...cell.split(/\n|\s{3,}/))
    })
  }

  const ordinalColumn = layout.roles.indexOf("ordinal")
  const noteColumn = layout.roles.indexOf("note")
  const productColumn = layout.roles.indexOf("product_name")
  const dataColumns: [number, Field][] = []
  // Column labels are the same for every row: one shared object.
  const labels: RawRecord["labels"] = {}
  layout.roles.forEach((role, i) => {
    if (role && role !== "ordinal" && role !== "note") {
      dataColumns.push([i, role])
      labels[role] = layout.labels[i]
    }
  })

  const records: RawRecord[] = []
  // A sheet titled (or named) for one tier — "SẢN PHẨM ĐẠT 4 SAO", a tab called "3 sao" — gives that tier to
  // rows without a star cell of their own, like a section row would.
  const context: SectionContext = { ...titleTier([...headingSegments, sheet.name]) }
  let sourceRow = firstSourceRow
  for (const row of sheet.rows.slice(layout.headerIndex + 1)) {
    // Normalised once per cell; a cell covered by a merge reads as empty.
    const cells = row.cells.map((cell, i) => (row.covered[i] ? "" : normalizeText(cell)))
    const ordinal = ordinalColumn >= 0 ? (cells[ordinalColumn] ?? "") : ""
    // The note column never counts: not as data, not to tell data rows from headings.
    const texts: string[] = []
    const contentTexts: string[] = []
    cells.forEach((text, i) => {
      if (!text || layout.roles[i] === "note") return
      texts.push(text)
      if (i !== ordinalColumn) contentTexts.push(text)
    })
    if (texts.length === 0) continue
    if (isColumnNumbering(texts)) continue

    const isNumbered = INTEGER.test(ordinal)
    const distinct = new Set(contentTexts)

    // A repeated header (the table continues on a new printed page).
    if (!isNumbered && isHeaderRow(row)) continue

    if (distinct.size <= 1) {
      const text = contentTexts[0] ?? ordinal
      const marked = SECTION_START.test(foldText(text))
      const heading = !isNumbered || marked
      if (heading && applySection(text, context, marked || (ordinal !== "" && !isNumbered))) continue
      if (!isNumbered && (ordinalColumn >= 0 || FOOTNOTE.test(foldText(text)))) continue
    }
    if (!isNumbered && FOOTNOTE.test(foldText(texts[0]))) continue
    // The product cell lies under a merge spanning columns: a title, footnote or signature block.
    if (productColumn >= 0 && row.covered[productColumn]) continue

    const values: RawRecord["values"] = {}
    for (const [i, field] of dataColumns) {
      const text = cells[i]
      if (text) values[field] = text
    }
    const remark = noteColumn >= 0 ? cells[noteColumn] : ""
    records.push({ sourceRow: sourceRow++, values, labels, section: { ...context }, ...(remark ? { remark } : {}) })
  }
  return { records, headingSegments }
}
