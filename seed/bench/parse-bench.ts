/**
 * Parse + validate throughput of the certification-list parser (`npm run bench -w @ocop/seed`).
 *
 * Generates a deterministic list of 20,000 realistic rows spread over the 34 provinces — real commune,
 * district and province names, two thirds written with the pre-2025 names (as certified) and one third with
 * the current ones — writes it as CSV and as XLSX to a temp dir, then times parseCertificationFile on each.
 * Prints rows/s and peak RSS; the target is ≥ 20,000 rows/s for CSV. Nothing is asserted.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { parseCertificationFile } from "../src/certification-list"
import { generateSyntheticRows, writeSyntheticCsv, writeSyntheticXlsx } from "../src/synthetic/synthetic-list"

const ROWS = 20_000
const RUNS = 3

const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)

async function time(path: string) {
  const durations: number[] = []
  let result = await parseCertificationFile(path) // warm-up: JIT and lazily built lookups
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    result = await parseCertificationFile(path)
    durations.push(performance.now() - start)
  }
  const best = Math.min(...durations)
  return { best, median: durations.sort((a, b) => a - b)[Math.floor(RUNS / 2)], result }
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
    await report("XLSX", await writeSyntheticXlsx(join(dir, "bench.xlsx"), rows))
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
