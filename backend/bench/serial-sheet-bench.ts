import { performance } from "node:perf_hooks"
import { SERIALS_PER_REQUEST_MAX } from "@ocop/domain"
import { serialQrPath } from "../src/traceability/gtin"
import { renderLabels } from "../src/traceability/render-label-sheet"
import { generateSerialCode } from "../src/traceability/serial-code"

/**
 * The largest serial label sheet one request can ask for (1,000 labels, each its own QR: 42 A4 pages of 3 × 8), and
 * for comparison in the same run a lot's one-QR sheet of the same 1,000 labels. Prints the time of each (median of
 * BENCH_RUNS, default 3), the PDF size and the process's peak RSS; also the time to draw 1,000 serial codes.
 * `npm run bench:serials -w @ocop/backend`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const lot = { code: "MO-2611", public_code: "ABCDEFGH23" }
const base = "https://cho-ocop.example.vn"
const label = (url: string, serial?: string) => ({
  url,
  product: "Mật ong bạc hà Mèo Vạc",
  stars: 4,
  lot: lot.code,
  made_on: "2026-11-02",
  best_before: "2027-11-02",
  serial,
})

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function time(run: () => Promise<Buffer>) {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    bytes = (await run()).length
    times.push(performance.now() - start)
  }
  return { ms: median(times), bytes }
}

async function main() {
  const start = performance.now()
  const serials = Array.from({ length: SERIALS_PER_REQUEST_MAX }, generateSerialCode)
  const drawMs = performance.now() - start
  const perUnit = await time(() =>
    renderLabels(
      serials.map((s) => label(`${base}${serialQrPath(lot, "04006381333931", s)}`, s)),
      "3x8",
      "bench"
    )
  )
  const sameQr = await time(() =>
    renderLabels(
      serials.map(() => label(`${base}/01/04006381333931/10/${lot.code}`)),
      "3x8",
      "bench"
    )
  )
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2)
  console.log(`serial codes: ${serials.length} drawn in ${drawMs.toFixed(1)} ms, ${new Set(serials).size} distinct`)
  console.log(`serial sheet, ${serials.length} labels, own QR each: ${perUnit.ms.toFixed(0)} ms (median of ${RUNS}), ${mb(perUnit.bytes)} MB`)
  console.log(`same labels, one shared QR:        ${sameQr.ms.toFixed(0)} ms (median of ${RUNS}), ${mb(sameQr.bytes)} MB`)
  console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)} MB`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
