/**
 * Peak memory of reading a 20,000-row XLSX the way an operator does (`npm run bench:xlsx-memory -w @ocop/seed`):
 * the CLI's `--dry-run --json` in a fresh process, its peak RSS taken by `/usr/bin/time -f %M`, three rounds.
 * Target: ≤ 300 MB. `BENCH_BASELINE=<another checkout's seed/ folder>` runs that checkout's CLI on the same file,
 * interleaved round by round, and checks both print the same records — a side-by-side comparison on a shared
 * machine, where memory figures are stable and timings are not (the wall time includes starting tsx).
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { generateSyntheticRows, writeSyntheticXlsx } from "../src/synthetic/synthetic-list"

const ROWS = 20_000
const ROUNDS = 3
const seedDir = resolve(__dirname, "..")
const tsx = join(seedDir, "../node_modules/.bin/tsx")

function runCli(label: string, dir: string, list: string, out: string) {
  const cli = join(dir, "src/cli/import-certifications.ts")
  const run = spawnSync("/usr/bin/time", ["-f", "%M %e", "sh", "-c", `"$0" "$1" "$2" --dry-run --json > "$3"`, tsx, cli, list, out], {
    cwd: dir,
    encoding: "utf8",
  })
  if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stderr}`)
  const [kb, seconds] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number)
  const records = readFileSync(out, "utf8").split("\n").filter(Boolean).length
  console.log(`${label.padEnd(9)} peak RSS ${(kb / 1024).toFixed(0)} MB, ${seconds.toFixed(1)} s wall (tsx start included), ${records} records`)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ocop-xlsx-memory-"))
  try {
    const list = await writeSyntheticXlsx(join(dir, "list.xlsx"), generateSyntheticRows(ROWS))
    const baseline = process.env.BENCH_BASELINE && resolve(process.env.BENCH_BASELINE)
    console.log(`${ROWS}-row XLSX ${list}; load average ${execFileSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).trim()}`)
    for (let round = 1; round <= ROUNDS; round++) {
      if (baseline) runCli(`baseline ${round}`, baseline, list, join(dir, "baseline.ndjson"))
      runCli(`this ${round}`, seedDir, list, join(dir, "this.ndjson"))
    }
    if (baseline) {
      const same = readFileSync(join(dir, "baseline.ndjson")).equals(readFileSync(join(dir, "this.ndjson")))
      console.log(same ? "both print the same records, byte for byte" : "THE RECORDS DIFFER")
      if (!same) process.exitCode = 1
    }
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
