// The growth benchmark's plot: search cost against catalogue size, drawn with visx (the shop's chart library)
// as SVG on the server and converted to PNG with sharp, both already installed.
import { writeFileSync } from "node:fs"
import { createElement as h } from "react"
import { renderToStaticMarkup } from "react-dom/server"
import { Group } from "@visx/group"
import { scaleLinear, scaleLog } from "@visx/scale"
import { LinePath } from "@visx/shape"
import sharp from "sharp"

const WIDTH = 1260
const HEIGHT = 470
const PANEL = { width: 320, height: 300, top: 100, left: 70, gap: 80 }
const COLORS = ["#0b6e4f", "#c84c09", "#3d5a80", "#8c2f39"]

/** One panel: x = products (log scale), one line per series; series with `dashed` are earlier figures. */
function panel({ x0, title, unit, series, sizes }) {
  const all = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => Number.isFinite(y))
  const x = scaleLog({ domain: [Math.min(...sizes) * 0.8, Math.max(...sizes) * 1.25], range: [0, PANEL.width] })
  const y = scaleLinear({ domain: [0, Math.max(...all) * 1.15 || 1], range: [PANEL.height, 0], nice: true })
  const ticks = y.ticks(5)
  return h(
    Group,
    { left: x0, top: PANEL.top, key: title },
    h("text", { x: 0, y: -36, fontSize: 14, fontWeight: 600 }, title),
    h("line", { x1: 0, x2: 0, y1: 0, y2: PANEL.height, stroke: "#333" }),
    h("line", { x1: 0, x2: PANEL.width, y1: PANEL.height, y2: PANEL.height, stroke: "#333" }),
    ...ticks.map((t) =>
      h(
        "g",
        { key: `y${t}` },
        h("line", { x1: 0, x2: PANEL.width, y1: y(t), y2: y(t), stroke: "#e3e3e3" }),
        h("text", { x: -8, y: y(t) + 4, fontSize: 11, textAnchor: "end" }, String(t))
      )
    ),
    h("text", { x: -52, y: -12, fontSize: 11 }, unit),
    ...sizes.map((size) =>
      h("text", { key: `x${size}`, x: x(size), y: PANEL.height + 18, fontSize: 11, textAnchor: "middle" }, size.toLocaleString("en-US"))
    ),
    h("text", { x: PANEL.width / 2, y: PANEL.height + 38, fontSize: 12, textAnchor: "middle" }, "products in the catalogue (log scale)"),
    ...series.map((s, i) =>
      h(
        "g",
        { key: s.label },
        h(LinePath, {
          data: s.points.filter((p) => Number.isFinite(p.y)),
          x: (p) => x(p.x),
          y: (p) => y(p.y),
          stroke: s.color ?? COLORS[i % COLORS.length],
          strokeWidth: 2.5,
          strokeDasharray: s.dashed ? "6 4" : undefined,
        }),
        ...s.points
          .filter((p) => Number.isFinite(p.y))
          .map((p) =>
            h(
              "g",
              { key: `${s.label}${p.x}` },
              h("circle", { cx: x(p.x), cy: y(p.y), r: 3.5, fill: s.color ?? COLORS[i % COLORS.length] }),
              h("text", { x: x(p.x) + 6, y: y(p.y) - 6, fontSize: 10, fill: "#333" }, String(Math.round(p.y * 10) / 10))
            )
          ),
        h("line", {
          x1: 8,
          x2: 24,
          y1: 8 + i * 16,
          y2: 8 + i * 16,
          stroke: s.color ?? COLORS[i % COLORS.length],
          strokeWidth: 2.5,
          strokeDasharray: s.dashed ? "4 3" : undefined,
        }),
        h("text", { x: 30, y: 12 + i * 16, fontSize: 11 }, s.label)
      )
    )
  )
}

/**
 * Writes the PNG (and the SVG beside it): uncached search latency, throughput at 20 connections and index build
 * time against catalogue size; `baseline` (an earlier run's rows, e.g. before a change) is drawn dashed.
 */
export async function writeGrowthPlot(rows, file, { baseline, subtitle = "" } = {}) {
  const sizes = rows.map((r) => r.products)
  const line = (label, pick, source = rows, extra = {}) => ({ label, points: source.map((r) => ({ x: r.products, y: pick(r) })), ...extra })
  const before = (label, pick, color) => (baseline?.length ? [line(`${label}, every match read`, pick, baseline, { dashed: true, color })] : [])
  const panels = [
    {
      title: "Search latency, 1 connection, cache off",
      unit: "ms",
      series: [
        line("p50", (r) => r.one.p50, rows, { color: COLORS[0] }),
        line("p95", (r) => r.one.p95, rows, { color: COLORS[1] }),
        ...before("p50", (r) => r.one.p50, COLORS[0]),
        ...before("p95", (r) => r.one.p95, COLORS[1]),
      ],
    },
    {
      title: "Throughput, 20 connections, cache off",
      unit: "req/s",
      series: [line("req/s", (r) => r.twenty.rps, rows, { color: COLORS[2] }), ...before("req/s", (r) => r.twenty.rps, COLORS[2])],
    },
    {
      title: "Full index build",
      unit: "s",
      series: [line("seconds", (r) => r.build_s ?? NaN, rows, { color: COLORS[3] }), ...before("seconds", (r) => r.build_s ?? NaN, COLORS[3])],
    },
  ]
  // A panel without figures (no index build timed, e.g. catalogues copied from a template) is left out.
  const drawn = panels.filter((p) => p.series.some((s) => s.points.some((point) => Number.isFinite(point.y))))
  const svg = renderToStaticMarkup(
    h(
      "svg",
      { xmlns: "http://www.w3.org/2000/svg", width: WIDTH, height: HEIGHT, fontFamily: "DejaVu Sans, sans-serif" },
      h("rect", { width: WIDTH, height: HEIGHT, fill: "#fff" }),
      h("text", { x: 20, y: 26, fontSize: 16, fontWeight: 700 }, `Chợ OCOP search cost against catalogue size`),
      h("text", { x: 20, y: 46, fontSize: 12, fill: "#444" }, subtitle),
      ...drawn.map((p, i) => panel({ ...p, sizes, x0: PANEL.left + i * (PANEL.width + PANEL.gap) }))
    )
  )
  writeFileSync(file.replace(/\.png$/, ".svg"), svg)
  await sharp(Buffer.from(svg)).png().toFile(file)
}
