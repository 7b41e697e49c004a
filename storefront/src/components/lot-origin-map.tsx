import type { Province } from "@ocop/contracts"
import { GAP, H, MAP_VIEWBOX, TILES, W } from "@/components/province-map"

export type OriginPlace = { province_code: string; text: string }

const STYLE = {
  origin: { fill: "#2f6b1a", stroke: "#1c3f10", text: "#ffffff", dash: undefined },
  producer: { fill: "#f6d57a", stroke: "#7a5a00", text: "#1c2a12", dash: "6 3" },
} as const

/**
 * Where a lot comes from, on the tile map of the 34 provinces: the raw materials' province filled dark, the
 * producer's (when it is another) light with a dashed border. Each marked tile also says in words what it is, and the
 * legend under the map names the places, so nothing is told by colour alone. Plain SVG from the server: no script.
 */
export function LotOriginMap({
  provinces,
  origin,
  producer,
  title,
  marks,
  legend,
}: {
  provinces: Province[]
  origin: OriginPlace | null
  producer: OriginPlace | null
  title: string
  /** the word printed on a marked tile */
  marks: { origin: string; producer: string; both: string }
  /** the legend's lines, already worded: raw materials, place of production */
  legend: { origin: string | null; producer: string | null }
}) {
  const shown = [origin, producer].filter((p): p is OriginPlace => !!p && !!TILES[p.province_code])
  if (!shown.length) return null
  const markOf = (code: string) => {
    const isOrigin = origin?.province_code === code
    const isProducer = producer?.province_code === code
    if (isOrigin && isProducer) return { style: STYLE.origin, word: marks.both }
    if (isOrigin) return { style: STYLE.origin, word: marks.origin }
    if (isProducer) return { style: STYLE.producer, word: marks.producer }
    return null
  }
  // One tile holds both: the legend's two lines then show that tile's colour.
  const sameProvince = !!origin && origin.province_code === producer?.province_code
  const description = [legend.origin, legend.producer].filter(Boolean).join(". ")
  return (
    <figure className="lot-origin">
      <svg className="province-map lot-origin-map" viewBox={MAP_VIEWBOX} role="img" aria-labelledby="lot-origin-title lot-origin-desc">
        <title id="lot-origin-title">{title}</title>
        <desc id="lot-origin-desc">{description}</desc>
        {provinces.map((p) => {
          const tile = TILES[p.code]
          if (!tile) return null
          const x = tile[0] * (W + GAP)
          const y = tile[1] * (H + GAP)
          const mark = markOf(p.code)
          return (
            <g key={p.code} data-province={p.code} data-mark={mark ? mark.word : undefined}>
              <rect
                x={x}
                y={y}
                width={W}
                height={H}
                rx={6}
                fill={mark?.style.fill ?? "#f4f6f1"}
                stroke={mark?.style.stroke ?? "#c5cfbb"}
                strokeWidth={mark ? 3 : 1}
                strokeDasharray={mark?.style.dash}
              />
              <text
                x={x + W / 2}
                y={y + (mark ? 21 : 30)}
                textAnchor="middle"
                fontSize={12}
                fontWeight={mark ? 700 : 400}
                fill={mark?.style.text ?? "#5c6652"}
              >
                {p.short_name}
              </text>
              {mark ? (
                <text x={x + W / 2} y={y + 38} textAnchor="middle" fontSize={11} fill={mark.style.text}>
                  {mark.word}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      <figcaption>
        <ul className="lot-origin-legend" data-testid="lot-origin-legend">
          {legend.origin ? (
            <li>
              <span className="swatch swatch-origin" aria-hidden="true" /> {legend.origin}
            </li>
          ) : null}
          {legend.producer ? (
            <li>
              <span className={`swatch ${sameProvince ? "swatch-origin" : "swatch-producer"}`} aria-hidden="true" /> {legend.producer}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  )
}
