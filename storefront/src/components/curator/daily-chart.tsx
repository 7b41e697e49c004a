import { Group } from "@visx/group"
import { scaleBand, scaleLinear } from "@visx/scale"
import { Bar } from "@visx/shape"
import { ChartTable } from "./chart-table"

export type DailyDatum = { date: string; label: string; value: number; valueText: string; orders: number }

const WIDTH = 360
const HEIGHT = 140
const AXIS = 18

/**
 * One column per day, drawn on the server like BarChart (plain SVG, no chart JavaScript). The first and last days
 * are written under the axis; the exact figures of every day follow in the table for screen readers.
 */
export function DailyChart({
  id,
  title,
  data,
  tableLabel,
  showTable,
  dayLabel,
  ordersLabel,
  valueLabel,
}: {
  id: string
  title: string
  data: DailyDatum[]
  tableLabel: string
  showTable: string
  dayLabel: string
  ordersLabel: string
  valueLabel: string
}) {
  const x = scaleBand({ domain: data.map((d) => d.date), range: [0, WIDTH], padding: 0.2 })
  const y = scaleLinear({ domain: [0, Math.max(1, ...data.map((d) => d.value))], range: [HEIGHT - AXIS, 0], nice: true })
  const sold = data.filter((d) => d.value > 0)
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`${title}: ${sold.length ? sold.map((d) => `${d.label} ${d.valueText}`).join(", ") : "0"}`}
      >
        <Group>
          {data.map((d) => (
            <Bar
              key={d.date}
              x={x(d.date) ?? 0}
              y={y(d.value)}
              width={x.bandwidth()}
              height={HEIGHT - AXIS - y(d.value)}
              className="chart-bar"
              rx={1}
            />
          ))}
          <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="chart-axis" />
          {data.length > 0 && (
            <>
              <text x={0} y={HEIGHT - 4} className="chart-label">
                {data[0].label}
              </text>
              <text x={WIDTH} y={HEIGHT - 4} textAnchor="end" className="chart-label">
                {data.at(-1)!.label}
              </text>
            </>
          )}
        </Group>
      </svg>
      <ChartTable
        showTable={showTable}
        tableLabel={tableLabel}
        columns={[dayLabel, ordersLabel, valueLabel]}
        rows={data.map((d) => ({ key: d.date, cells: [d.label, d.orders, d.valueText] }))}
      />
    </figure>
  )
}
