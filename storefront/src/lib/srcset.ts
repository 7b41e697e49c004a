/** The densest screens sold (3 device pixels a CSS pixel): no browser picks a candidate wider than 3× the slot. */
const MAX_DEVICE_PIXEL_RATIO = 3

/**
 * The widest a photo is ever drawn, in CSS pixels, by its `sizes`: each `(max-width: Wpx) Nvw` entry is at most
 * W × N %, a plain `Npx` slot N; a `vw` slot without a bound (or a `sizes` this cannot read) has no limit.
 */
export function widestSlot(sizes: string | undefined): number {
  if (!sizes) return Infinity
  let widest = 0
  for (const entry of sizes.split(",")) {
    const bounded = /^\s*\(max-width:\s*(\d+)px\)\s+(\d+)vw\s*$/.exec(entry)
    const fixed = /^\s*(?:\(max-width:\s*\d+px\)\s+)?(\d+)px\s*$/.exec(entry)
    if (bounded) widest = Math.max(widest, (Number(bounded[1]) * Number(bounded[2])) / 100)
    else if (fixed) widest = Math.max(widest, Number(fixed[1]))
    else return Infinity
  }
  return widest
}

/**
 * Next's image srcset lists every configured width from the smallest the slot could need up to 3840 px, whatever
 * the slot's largest size: a product card (at most 338 CSS px) got ten candidates, four of them wider than any
 * screen would choose — each a 150-character optimiser URL, twice in every page (HTML and RSC payload) and gzipped
 * on every request (docs/benchmarks.md, session 11). This keeps the candidates up to the first that covers the
 * widest slot at 3× density, and makes the largest kept one the fallback `src` (Next's is the 3840 px one).
 */
export function trimSrcSet(img: { src: string; srcSet?: string; sizes?: string }) {
  const needed = widestSlot(img.sizes) * MAX_DEVICE_PIXEL_RATIO
  if (!img.srcSet || needed === Infinity) return img
  const candidates = img.srcSet.split(", ").map((c) => ({ text: c, width: Number(/ (\d+)w$/.exec(c)?.[1]) }))
  if (candidates.some((c) => !Number.isFinite(c.width))) return img
  const cover = candidates.findIndex((c) => c.width >= needed)
  if (cover === -1 || cover === candidates.length - 1) return img
  const kept = candidates.slice(0, cover + 1)
  return { ...img, srcSet: kept.map((c) => c.text).join(", "), src: kept[kept.length - 1].text.replace(/ \d+w$/, "") }
}
