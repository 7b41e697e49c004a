import type { Province } from "@ocop/contracts"

/**
 * A tile-grid map of the 34 provinces: one square per province placed roughly where it lies, north at the top.
 * Shapes would need boundary data we cannot ship under a permissive licence; tiles keep every province equally
 * easy to tap on a phone.
 */
export const TILES: Record<string, [col: number, row: number]> = {
  "12": [1, 0],
  "15": [2, 0],
  "08": [3, 0],
  "04": [4, 0],
  "11": [0, 1],
  "14": [1, 1],
  "25": [2, 1],
  "19": [3, 1],
  "20": [4, 1],
  "01": [2, 2],
  "24": [3, 2],
  "22": [4, 2],
  "37": [2, 3],
  "33": [3, 3],
  "31": [4, 3],
  "38": [2, 4],
  "40": [2, 5],
  "42": [3, 6],
  "44": [3, 7],
  "46": [4, 8],
  "48": [4, 9],
  "51": [4, 10],
  "52": [4, 11],
  "66": [4, 12],
  "68": [3, 13],
  "56": [4, 13],
  "80": [1, 14],
  "79": [2, 14],
  "75": [3, 14],
  "91": [0, 15],
  "82": [1, 15],
  "86": [2, 15],
  "96": [0, 16],
  "92": [1, 16],
}
export const W = 96
export const H = 50
export const GAP = 4
/** the grid's viewBox: 5 columns × 17 rows of tiles */
export const MAP_VIEWBOX = `0 0 ${5 * (W + GAP)} ${17 * (H + GAP)}`
const SHADES = ["#eef2ea", "#d6e8c8", "#b5d69c", "#8fc26c"]

function shade(count: number, max: number) {
  if (!count) return SHADES[0]
  return SHADES[Math.min(SHADES.length - 1, 1 + Math.floor((count / Math.max(1, max)) * (SHADES.length - 1)))]
}

export function ProvinceMap({
  provinces,
  hrefFor,
  title,
  countLabel,
}: {
  provinces: Province[]
  hrefFor: (code: string) => string
  title: string
  countLabel: (count: number) => string
}) {
  const max = Math.max(...provinces.map((p) => p.product_count))
  return (
    // Stroke and text styles live in the stylesheet (.tile-map), not on each of the 34 tiles: repeated in the HTML and
    // again in the RSC payload they were ~9 KB of every home page, which the server hashes (ETag) and gzips per request.
    <svg className="province-map tile-map" viewBox={MAP_VIEWBOX} role="group" aria-labelledby="province-map-title">
      <title id="province-map-title">{title}</title>
      {provinces.map((p) => {
        const tile = TILES[p.code]
        if (!tile) return null
        const x = tile[0] * (W + GAP)
        const y = tile[1] * (H + GAP)
        return (
          <a key={p.code} href={hrefFor(p.code)} aria-label={`${p.name}: ${countLabel(p.product_count)}`}>
            <rect x={x} y={y} width={W} height={H} rx={6} fill={shade(p.product_count, max)} />
            <text x={x + W / 2} y={y + 21}>
              {p.short_name}
            </text>
            <text x={x + W / 2} y={y + 38} className="count">
              {p.product_count}
            </text>
          </a>
        )
      })}
    </svg>
  )
}
