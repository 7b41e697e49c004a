/**
 * A table as every reader hands it to layout detection: rows of trimmed strings. Merged cells keep their text
 * in the first (master) cell only; the cells they cover are flagged, so a footnote merged across the table is
 * recognisable as such and not read as a product.
 */
export type SheetRow = {
  /** 1-based row number in the source (spreadsheet row or CSV record), for messages only */
  rowNumber: number
  cells: string[]
  /** covered[i] is true when cell i is covered by a merge whose master is another cell (missing = false) */
  covered: readonly boolean[]
}

export type Sheet = { name: string; rows: SheetRow[] }

/** Shared by every row without merges (all of a CSV): no per-row array to allocate. */
const NOTHING_COVERED: readonly boolean[] = Object.freeze([])

export function makeRow(rowNumber: number, cells: string[], covered?: readonly boolean[]): SheetRow {
  return { rowNumber, cells, covered: covered ?? NOTHING_COVERED }
}
