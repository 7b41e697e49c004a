/**
 * Parse + validate throughput of the certification-list parser (`npm run bench -w @ocop/seed`).
 *
 * Generates a deterministic list of 20,000 realistic rows spread over the 34 provinces — real commune,
 * district and province names, two thirds written with the pre-2025 names (as certified) and one third with
 * the current ones — writes it as CSV and as XLSX to a temp dir, then times parseCertificationFile on each.
 * Prints rows/s and peak RSS; the target is ≥ 20,000 rows/s for CSV. Nothing is asserted.
 * `BENCH_BASELINE=<another checkout's seed/ folder>` also times that checkout's parser on the same XLSX, run by run
 * in turn with this one, and prints the ratio (on a shared machine only the ratio means something).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { performance } from "node:perf_hooks"
import { parseCertificationFile } from "../src/certification-list"
import { generateSyntheticRows, writeSyntheticCsv, writeSyntheticXlsx } from "../src/synthetic/synthetic-list"

const ROWS = 20_000
const RUNS = 3

const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)

type Parse = typeof parseCertificationFile

async function time(path: string, parse: Parse = parseCertificationFile) {
  const durations: number[] = []
  let result = await parse(path) // warm-up: JIT and lazily built lookups
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    result = await parse(path)
    durations.push(performance.now() - start)
  }
  const best = Math.min(...durations)
  return { best, median: durations.sort((a, b) => a - b)[Math.floor(RUNS / 2)], result }
}

/** This parser and a baseline's, one run each in turn on the same file, so load changes hit both alike. */
async function compare(path: string, baselineDir: string) {
  const baseline: Parse = (await import(join(resolve(baselineDir), "src/certification-list"))).parseCertificationFile
  const parsers = { baseline, this: parseCertificationFile }
  const durations = { baseline: [] as number[], this: [] as number[] }
  for (const parse of Object.values(parsers)) await parse(path) // warm-up
  for (let round = 0; round < 5; round++) {
    for (const [name, parse] of Object.entries(parsers) as [keyof typeof parsers, Parse][]) {
      const start = performance.now()
      await parse(path)
      durations[name].push(performance.now() - start)
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[2]
  console.log(
    `XLSX  against the baseline ${baselineDir}, 5 runs each in turn: ${(median(durations.baseline) / median(durations.this)).toFixed(2)}× its rows/s ` +
      `(median ${median(durations.this).toFixed(0)} ms against ${median(durations.baseline).toFixed(0)} ms)`
  )
}

async function report(label: string, path: string) {
  const { best, median, result } = await time(path)
  const perSecond = (ms: number) => Math.round((result.rows_read / ms) * 1000).toLocaleString("en-US")
  console.log(
    `${label}  parse+validate ${result.rows_read} rows: best ${best.toFixed(0)} ms (${perSecond(best)} rows/s), ` +
      `median ${median.toFixed(0)} ms (${perSecond(median)} rows/s); accepted ${result.records.length}, ` +
      `rejected ${result.rows_rejected}; peak RSS so far ${peakRssMb()} MB`
  )
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-"))
  try {
    const rows = generateSyntheticRows(ROWS)
    console.log(`${ROWS} synthetic rows over ${new Set(rows.map((r) => r.address.split(", ").pop())).size} province names (old and new), in ${dir}`)
    // CSV first, so its peak RSS is not inflated by building and reading the workbook.
    await report("CSV ", writeSyntheticCsv(join(dir, "bench.csv"), rows))
    const xlsx = await writeSyntheticXlsx(join(dir, "bench.xlsx"), rows)
    await report("XLSX", xlsx)
    if (process.env.BENCH_BASELINE) await compare(xlsx, process.env.BENCH_BASELINE)
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
