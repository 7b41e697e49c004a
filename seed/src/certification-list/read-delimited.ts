import { parse } from "csv-parse/sync"
import { detectLegacyEncoding, LegacyEncoding, repairLegacyString } from "./legacy-encoding"
import { makeRow, Sheet } from "./sheet"

export type Delimiter = "," | ";" | "\t"
const DELIMITERS: Delimiter[] = ["\t", ";", ","]

/** Counts a delimiter in one line, outside double-quoted fields. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (ch === '"') quoted = !quoted
    else if (ch === delimiter && !quoted) count++
  }
  return count
}

/**
 * Picks the delimiter that splits the most lines into the same number of fields. Presence alone is not
 * enough: a semicolon list whose addresses all contain commas has commas on every line too, but their count
 * varies from line to line while the semicolons' does not.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/, 60).filter((line) => line.trim() !== "")
  let best: Delimiter = ","
  let bestScore = 0
  for (const delimiter of DELIMITERS) {
    const histogram = new Map<number, number>()
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter)
      if (count > 0) histogram.set(count, (histogram.get(count) ?? 0) + 1)
    }
    const score = Math.max(0, ...histogram.values())
    // Ties go to the earlier, rarer delimiter (tab, then semicolon): they almost never occur inside text.
    if (score > bestScore) {
      best = delimiter
      bestScore = score
    }
  }
  return best
}

export function readDelimited(text: string, name = "csv"): { sheet: Sheet; delimiter: Delimiter; legacy: LegacyEncoding | null } {
  const delimiter = detectDelimiter(text)
  const records: string[][] = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  })
  const legacy = detectLegacyEncoding(records.flat())
  const rows = records.map((cells, i) => makeRow(i + 1, legacy ? cells.map((cell) => repairLegacyString(cell, legacy)) : cells))
  return { sheet: { name, rows }, delimiter, legacy }
}
