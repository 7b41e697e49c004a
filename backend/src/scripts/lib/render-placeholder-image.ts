import sharp from "sharp"

// One palette per QĐ 148 sector so a placeholder still hints at the kind of product.
const SECTOR_COLORS: Record<string, [string, string]> = {
  I: ["#f6c453", "#c2410c"],
  II: ["#93c5fd", "#1e3a8a"],
  III: ["#86efac", "#166534"],
  IV: ["#d6b48c", "#78350f"],
  V: ["#f9a8d4", "#9d174d"],
  VI: ["#67e8f9", "#155e75"],
}

function starPath(cx: number, cy: number, r: number): string {
  const points: string[] = []
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45
    const angle = (Math.PI / 5) * i - Math.PI / 2
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`)
  }
  return points.join(" ")
}

/**
 * A 800×800 WebP placeholder: the sector's colours and as many stars as the product's tier. No text, so it
 * renders the same on machines without Vietnamese fonts.
 */
export async function renderPlaceholderImage(groupCode: string | null, stars: number, seed: number): Promise<Buffer> {
  const sector = (groupCode ?? "I").split(".")[0]
  const [light, dark] = SECTOR_COLORS[sector] ?? SECTOR_COLORS.I
  const angle = (seed * 37) % 360
  const starsSvg = Array.from({ length: stars }, (_, i) => {
    const cx = 400 + (i - (stars - 1) / 2) * 130
    return `<polygon points="${starPath(cx, 400, 58)}" fill="#fff7d6" stroke="${dark}" stroke-width="6"/>`
  }).join("")
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800">
    <defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)">
      <stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
    <rect width="800" height="800" fill="url(#g)"/>
    <circle cx="400" cy="400" r="300" fill="none" stroke="#ffffff55" stroke-width="24"/>
    ${starsSvg}
  </svg>`
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer()
}
