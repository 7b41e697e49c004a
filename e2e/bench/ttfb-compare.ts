// The TTFB bench's measurement (storefront.bench.ts: fetch, 20 connections, p95 of the time to response headers) on
// two running shops alternately, with the CPU time each `next start` process spent per request served (from /proc:
// Linux only) — on a shared machine the latency swings with the neighbours' load, the CPU a request much less.
//   SHOPS='{"A":"http://localhost:9402","B":"http://localhost:9403"}' PAGES='{"home":"/vi"}' ROUNDS=2 \
//   BENCH_SECONDS=10 npx tsx bench/ttfb-compare.ts        (in e2e/; docs/benchmarks.md, session 10)
import { performance } from "node:perf_hooks"
import { loadavg } from "node:os"
import { readFileSync } from "node:fs"
import { execSync } from "node:child_process"
const pidOf = (base: string) =>
  execSync(`ss -ltnp | grep ":${new URL(base).port} "`)
    .toString()
    .match(/pid=(\d+)/)![1]
// utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ 100).
const cpuMs = (pid: string) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
  return (Number(f[11]) + Number(f[12])) * 10
}
const CONNECTIONS = 20
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15)
const percentile = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
async function measure(url: string) {
  const times: number[] = []
  let errors = 0
  const end = Date.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const start = performance.now()
        const r = await fetch(url).catch(() => null)
        if (!r?.ok) errors++
        else times.push(performance.now() - start)
        await r?.arrayBuffer()
      }
    })
  )
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: times.length / SECONDS, errors }
}
async function main() {
  const shops = JSON.parse(process.env.SHOPS!) as Record<string, string>
  const pages = JSON.parse(process.env.PAGES!) as Record<string, string>
  const rounds = Number(process.env.ROUNDS ?? 2)
  for (const base of Object.values(shops)) for (const p of Object.values(pages)) await fetch(base + p)
  for (let round = 0; round < rounds; round++)
    for (const [page, path] of Object.entries(pages)) {
      const order = Object.entries(shops)
      for (const [name, base] of round % 2 ? order.reverse() : order) {
        const load = loadavg()[0]
        const pid = pidOf(base)
        const before = cpuMs(pid)
        const r = await measure(base + path)
        const cpu = (cpuMs(pid) - before) / (r.rps * SECONDS)
        console.log(
          `round ${round + 1} ${page} ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s, server CPU ${cpu.toFixed(2)} ms a request, errors ${r.errors}, load ${load.toFixed(1)}`
        )
      }
    }
}
main()
