import { Group } from "@visx/group"
import { scaleBand, scaleLinear } from "@visx/scale"
import { Bar } from "@visx/shape"
import { ChartTable } from "./chart-table"

export type ChartDatum = { label: string; value: number }

const WIDTH = 360
const ROW = 30
const LABEL = 150
const VALUE = 40

/**
 * A horizontal bar chart drawn on the server with visx's scales and shapes: the page receives plain SVG and no
 * chart JavaScript, which phones on slow links in the provinces thank us for. The same figures follow as a table
 * (in a disclosure, so the phone layout stays short) for screen readers and for anyone who wants the numbers.
 */
export function BarChart({
  id,
  title,
  note,
  data,
  tableLabel,
  showTable,
  categoryLabel,
  countLabel,
}: {
  id: string
  title: string
  /** a line under the title saying what is counted */
  note?: string
  data: ChartDatum[]
  tableLabel: string
  showTable: string
  categoryLabel: string
  countLabel: string
}) {
  const height = data.length * ROW
  const y = scaleBand({ domain: data.map((d) => d.label), range: [0, height], padding: 0.25 })
  const x = scaleLinear({ domain: [0, Math.max(1, ...data.map((d) => d.value))], range: [0, WIDTH - LABEL - VALUE], nice: true })
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {note ? <p className="hint">{note}</p> : null}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}: ${data.map((d) => `${d.label} ${d.value}`).join(", ")}`}>
        {data.map((d) => (
          <Group key={d.label} top={y(d.label) ?? 0}>
            <text x={LABEL - 6} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
              {d.label.length > 22 ? `${d.label.slice(0, 21)}…` : d.label}
            </text>
            <Bar x={LABEL} y={0} width={x(d.value)} height={y.bandwidth()} className="chart-bar" rx={3} />
            <text x={LABEL + x(d.value) + 6} y={y.bandwidth() / 2} dy="0.35em" className="chart-value">
              {d.value}
            </text>
          </Group>
        ))}
      </svg>
      <ChartTable
        showTable={showTable}
        tableLabel={tableLabel}
        columns={[categoryLabel, countLabel]}
        rows={data.map((d) => ({ key: d.label, cells: [d.label, d.value] }))}
      />
    </figure>
  )
}
