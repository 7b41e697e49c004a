/**
 * Cells we write into files that people open in a spreadsheet (the import error report, the curator's register
 * export). One home for the formula rule: a cell starting with = + - @ (or a tab / carriage return that some
 * spreadsheets skip before reading one of those) would run as a formula, so it gets a leading apostrophe.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** One CSV cell: formula-neutralised, quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : neutraliseFormula(String(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
