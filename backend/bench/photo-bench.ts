import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync, existsSync, writeFileSync, rmSync, mkdtempSync, statSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import sharp from "sharp"
import { processProductPhoto, type PhotoRendition } from "../src/photos/process-product-photo"

/**
 * Photo pipeline throughput: synthetic 12-MP phone photos (4000 × 3000 JPEG with EXIF and GPS, generated
 * deterministically and cached in the system temp folder) each checked, decoded once, stripped and rendered as
 * AVIF/WebP/JPEG × 480/960/1600, and the nine files written to disk as the local File Module provider would.
 * Photos go through one at a time, as one upload request handles them, in batches of BENCH_BATCH photos, each in a
 * fresh child process (so a batch's peak RSS is its own). Prints photos/s, CPU per photo, bytes and peak RSS. The
 * pipeline before issue 18 was measured beside it until 29 November 2026 (docs/benchmarks.md: 1.50 against 2.97
 * photos/s on a quiet machine); it is no longer kept. `npm run bench:photos -w @ocop/backend`; BENCH_PHOTOS
 * changes the count (100).
 */
const COUNT = Number(process.env.BENCH_PHOTOS ?? 100)
const BATCH = Number(process.env.BENCH_BATCH ?? 10)
const PATHS: PipelinePath[] = ["after"]
const WIDTH = 4000
const HEIGHT = 3000

type PipelinePath = "after"
type BatchResult = { photos: number; seconds: number; cpuMs: number; peakMb: number; outputBytes: number }
const PIPELINES: Record<PipelinePath, (input: Buffer) => Promise<PhotoRendition[]>> = {
  after: processProductPhoto,
}

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

function photoFile(index: number) {
  return join(tmpdir(), "ocop-photo-bench-v1", `photo-${String(index).padStart(3, "0")}.jpg`)
}

/** In the child: one batch through one path; prints its figures as JSON. */
async function runBatch(path: PipelinePath, first: number, count: number) {
  const out = mkdtempSync(join(tmpdir(), "ocop-photo-bench-out-"))
  let outputBytes = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let i = first; i < first + count; i++) {
    const renditions = await PIPELINES[path](readFileSync(photoFile(i)))
    for (const r of renditions) {
      writeFileSync(join(out, `${i}-${r.width}.${r.format}`), r.content)
      outputBytes += r.content.length
    }
  }
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  rmSync(out, { recursive: true, force: true })
  const result: BatchResult = {
    photos: count,
    seconds,
    cpuMs: (used.user + used.system) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    outputBytes,
  }
  console.log(JSON.stringify(result))
}

async function main() {
  const [, , mode, path, first, count] = process.argv
  if (mode === "--batch") return runBatch(path as PipelinePath, Number(first), Number(count))

  mkdirSync(join(tmpdir(), "ocop-photo-bench-v1"), { recursive: true })
  let inputBytes = 0
  for (let i = 0; i < COUNT; i++) {
    if (!existsSync(photoFile(i))) writeFileSync(photoFile(i), await makePhoto(i))
    inputBytes += statSync(photoFile(i)).size
  }
  const totals = Object.fromEntries(PATHS.map((p) => [p, { photos: 0, seconds: 0, cpuMs: 0, peakMb: 0, outputBytes: 0 }])) as Record<
    PipelinePath,
    BatchResult
  >
  for (let first = 0, round = 0; first < COUNT; first += BATCH, round++) {
    const count = Math.min(BATCH, COUNT - first)
    for (const path of round % 2 ? [...PATHS].reverse() : PATHS) {
      const child = spawnSync(process.execPath, ["-r", "ts-node/register", __filename, "--batch", path, String(first), String(count)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      })
      if (child.status !== 0) throw new Error(`batch ${path} ${first} failed`)
      const batch = JSON.parse(child.stdout.trim().split("\n").pop()!) as BatchResult
      const total = totals[path]
      total.photos += batch.photos
      total.seconds += batch.seconds
      total.cpuMs += batch.cpuMs
      total.outputBytes += batch.outputBytes
      total.peakMb = Math.max(total.peakMb, batch.peakMb)
    }
  }
  console.log(
    `photo pipeline: ${COUNT} photos of ${(WIDTH * HEIGHT) / 1e6} MP (${(inputBytes / COUNT / 1048576).toFixed(1)} MB each) → 9 renditions each, ` +
      `one photo at a time, batches of ${BATCH}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(
          " "
        )}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "unset"}, MALLOC_MMAP_THRESHOLD_=${process.env.MALLOC_MMAP_THRESHOLD_ ?? "unset"}`
  )
  for (const path of PATHS) {
    const t = totals[path]
    console.log(
      `  ${path.padEnd(6)} ${(t.photos / t.seconds).toFixed(2)} photos/s, ${((t.seconds * 1000) / t.photos).toFixed(0)} ms per photo, ` +
        `CPU ${(t.cpuMs / t.photos).toFixed(0)} ms per photo, output ${(t.outputBytes / t.photos / 1024).toFixed(0)} KB per photo, peak RSS ${t.peakMb.toFixed(0)} MB`
    )
  }
}
main().catch((error) => {
  console.error(error)
  process.exit(1)
})
