import type { DocumentHeading } from "./parse-heading"

/**
 * A data row as read from any layout, before normalisation: the text of each recognised field, the label of
 * the column it came from (for error reports), and what section headings above it said.
 */
export const FIELDS = [
  "product_name",
  "producer_name",
  "address",
  "commune",
  "district",
  "province",
  "stars",
  "score",
  "decision_number",
  "decision_date",
  /** a single "Số, ngày quyết định" column holding both */
  "decision",
  "product_group",
  /** "Nữ làm chủ" / "DTTS" columns some provinces keep: yes, no or blank (not stated) */
  "women_led",
  "ethnic_minority_led",
] as const
export type Field = (typeof FIELDS)[number]

/** Labels used in error reports when the source has no column header (decision prose). */
export const FIELD_LABELS: Record<Field, string> = {
  product_name: "Tên sản phẩm",
  producer_name: "Chủ thể",
  address: "Địa chỉ",
  commune: "Xã",
  district: "Huyện",
  province: "Tỉnh",
  stars: "Hạng sao",
  score: "Điểm",
  decision_number: "Số quyết định",
  decision_date: "Ngày quyết định",
  decision: "Quyết định",
  product_group: "Nhóm sản phẩm",
  women_led: "Nữ làm chủ",
  ethnic_minority_led: "Dân tộc thiểu số làm chủ",
}

/** What section headings ("SẢN PHẨM ĐẠT 4 SAO", "HUYỆN CẦU KÈ") above a row say about it. */
export type SectionContext = {
  stars?: number | null
  potentialFiveStar?: boolean
  province?: string
  district?: string
  productGroup?: string
}

export type RawRecord = {
  /** 1-based position among the file's data rows */
  sourceRow: number
  /** non-empty texts, already normalised by the reader (normalizeText: NFC, single spaces, trimmed) */
  values: Partial<Record<Field, string>>
  labels: Partial<Record<Field, string>>
  section: SectionContext
  /** the row's "Ghi chú" cell: free text, never data; only a remark about the evaluation becomes the note */
  remark?: string
  /** what the title rows of this row's own sheet say (a workbook's sheets are separate lists) */
  heading?: DocumentHeading
}
