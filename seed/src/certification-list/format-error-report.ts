import { csvCell } from "../text/spreadsheet-cell"
import { RowError } from "./record-schema"

/**
 * The rejected-rows report (`<input>.errors.csv`): one line per reason, columns
 * source_row,column,value,code,message, UTF-8. No BOM: the header must read exactly as above for the
 * tools that consume it (Excel users open it through Data › From Text/CSV, which asks for UTF-8).
 */
export const ERROR_REPORT_COLUMNS = ["source_row", "column", "value", "code", "message"] as const

export function formatErrorReport(errors: RowError[]): string {
  const lines = [ERROR_REPORT_COLUMNS.join(",")]
  for (const error of errors) lines.push(ERROR_REPORT_COLUMNS.map((column) => csvCell(error[column])).join(","))
  return `${lines.join("\n")}\n`
}
