import type { ReactNode } from "react"

/**
 * A chart's figures as a table, in a disclosure so the phone layout stays short: what screen readers read instead
 * of the SVG, and what anyone who wants the exact numbers opens. Each row starts with its header cell.
 */
export function ChartTable({
  showTable,
  tableLabel,
  columns,
  rows,
}: {
  showTable: string
  tableLabel: string
  columns: string[]
  rows: { key: string; cells: [ReactNode, ...ReactNode[]] }[]
}) {
  return (
    <details className="chart-table">
      <summary>{showTable}</summary>
      <table>
        <caption className="visually-hidden">{tableLabel}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, cells: [header, ...values] }) => (
            <tr key={key}>
              <th scope="row">{header}</th>
              {values.map((value, i) => (
                <td key={i}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
