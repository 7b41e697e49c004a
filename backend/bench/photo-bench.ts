import { mkdirSync, readFileSync, existsSync, writeFileSync, rmSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import sharp from "sharp"
import { processProductPhoto } from "../src/photos/process-product-photo"

/**
 * Photo pipeline throughput: 100 synthetic 12-MP phone photos (4000 × 3000 JPEG with EXIF and GPS, generated
 * deterministically and cached in the system temp folder) each checked, decoded once, stripped and rendered as
 * AVIF/WebP/JPEG × 480/960/1600, and the nine files written to disk as the local File Module provider would.
 * Photos go through one at a time, as one upload request handles them. Prints photos/s and the process's
 * peak RSS. `npm run bench:photos -w @ocop/backend`; BENCH_PHOTOS changes the count.
 */
const COUNT = Number(process.env.BENCH_PHOTOS ?? 100)
const WIDTH = 4000
const HEIGHT = 3000

/** Seeded pseudo-random numbers (mulberry32): the same photos on every run and machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A field of soft colour bands with sensor-like noise, so the JPEG is as large as a real phone photo's. */
async function makePhoto(index: number): Promise<Buffer> {
  const next = random(index + 1)
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3)
  const [r0, g0, b0] = [next() * 200, next() * 200, next() * 200]
  for (let y = 0; y < HEIGHT; y++) {
    const band = Math.sin((y / HEIGHT) * Math.PI * (2 + (index % 5))) * 40
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3
      const noise = (next() - 0.5) * 24
      pixels[i] = r0 + band + (x / WIDTH) * 50 + noise
      pixels[i + 1] = g0 - band + (y / HEIGHT) * 50 + noise
      pixels[i + 2] = b0 + band / 2 + noise
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: "OCOP bench" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 35/1 0/1" } })
    .toBuffer()
}

async function main() {
  const cache = join(tmpdir(), "ocop-photo-bench-v1")
  mkdirSync(cache, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < COUNT; i++) {
    const file = join(cache, `photo-${String(i).padStart(3, "0")}.jpg`)
    if (!existsSync(file)) writeFileSync(file, await makePhoto(i))
    files.push(file)
  }
  const out = mkdtempSync(join(tmpdir(), "ocop-photo-bench-out-"))
  let inputBytes = 0
  let outputBytes = 0
  const start = performance.now()
  for (const [i, file] of files.entries()) {
    const input = readFileSync(file)
    inputBytes += input.length
    const renditions = await processProductPhoto(input)
    for (const r of renditions) {
      writeFileSync(join(out, `${i}-${r.width}.${r.format}`), r.content)
      outputBytes += r.content.length
    }
  }
  const seconds = (performance.now() - start) / 1000
  rmSync(out, { recursive: true, force: true })
  const peakMb = process.resourceUsage().maxRSS / 1024
  console.log(
    `photo pipeline: ${COUNT} photos of ${(WIDTH * HEIGHT) / 1e6} MP (${(inputBytes / COUNT / 1048576).toFixed(1)} MB each) ` +
      `→ 9 renditions each (${(outputBytes / COUNT / 1048576).toFixed(2)} MB) in ${seconds.toFixed(1)} s: ` +
      `${(COUNT / seconds).toFixed(2)} photos/s, ${((seconds * 1000) / COUNT).toFixed(0)} ms per photo, peak RSS ${peakMb.toFixed(0)} MB ` +
      `(sharp concurrency ${sharp.concurrency()})`
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
