#!/usr/bin/env node
// `npm run bench:search -w @ocop/backend`: a fresh database with 20,000 published synthetic OCOP products, then
// in one run the shop's search route and Medusa's stock GET /store/products?q= on the same text queries:
// one connection (1,000 requests) and 20 connections (30 s). Prints latency percentiles and requests/s.
import { execFileSync, spawn } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { performance } from "node:perf_hooks"
import autocannon from "autocannon"
import pg from "pg"
import { randomSecrets } from "./random-secrets.mjs"

const backendDir = join(dirname(fileURLToPath(import.meta.url)), "..")
const medusa = join(backendDir, "..", "node_modules", ".bin", "medusa")
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const port = Number(process.env.BENCH_PORT ?? 9123)
// BENCH_REUSE_DATABASE=<name> measures again (index build included) on a catalogue an earlier run left (it is
// then not dropped); BENCH_KEEP_DATABASE=1 leaves this run's catalogue for that.
const reuse = process.env.BENCH_REUSE_DATABASE
const keep = Boolean(reuse) || process.env.BENCH_KEEP_DATABASE === "1"
const name = reuse ?? `ocop_search_bench_${Date.now()}`
const admin = new pg.Client({ connectionString: server })
await admin.connect()
if (!reuse) await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(server)
url.pathname = `/${name}`
const env = { ...process.env, ...randomSecrets(), DATABASE_URL: url.toString(), LOG_LEVEL: "error", DISABLE_ADMIN: "true", PORT: String(port) }

const WORDS = ["mat ong", "nuoc mam", "che", "gao thom", "ruou nep", "banh da", "keo lac", "yen sao", "buoi", "mien dong", "tra hoa vang", "ca phe"]
const FILTERS = ["", "&stars=4", "&stars=3,4", "&province=Nghe%20An", "&group=I", "&producer_type=cooperative", "&province=Ha%20Giang&stars=3"]
const ours = WORDS.flatMap((w, i) => FILTERS.map((f, j) => `/store/ocop/search?q=${encodeURIComponent(w)}${(i + j) % 2 ? f : ""}&limit=20`))
const stock = WORDS.map((w) => `/store/products?q=${encodeURIComponent(w)}&limit=20&fields=id,title,handle,thumbnail`)

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function oneConnection(label, paths, headers) {
  const times = []
  for (let i = 0; i < 1000; i++) {
    const start = performance.now()
    const response = await fetch(`http://127.0.0.1:${port}${paths[i % paths.length]}`, { headers })
    if (!response.ok) throw new Error(`${label}: ${response.status} ${await response.text()}`)
    await response.arrayBuffer()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    `${label} 1 connection, 1000 requests: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`
  )
}

// CPU seconds used so far by the backend's process group and by local PostgreSQL processes (ps counts whole
// seconds; over a 30 s run of thousands of requests that is precise enough for a per-request split).
function cpuSeconds() {
  const lines = execFileSync("ps", ["-e", "-o", "cputimes=,pgid=,args="]).toString().trim().split("\n")
  const sum = (keep) =>
    lines
      .map((l) => l.trim().split(/\s+/))
      .filter(keep)
      .reduce((s, [t]) => s + Number(t), 0)
  return { backend: sum(([, pgid]) => Number(pgid) === backend?.pid), postgres: sum(([, , name]) => name === "postgres:") }
}

async function twentyConnections(label, paths, headers) {
  let next = 0
  const before = cpuSeconds()
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 20,
    duration: 30,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  })
  console.log(
    `${label} 20 connections, 30 s: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
      `p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`
  )
  const after = cpuSeconds()
  const perRequest = (key) => (((after[key] - before[key]) * 1000) / result.requests.total).toFixed(1)
  console.log(`  CPU per request: backend ${perRequest("backend")} ms, PostgreSQL ${perRequest("postgres")} ms`)
}

let backend
try {
  if (!reuse) execFileSync(medusa, ["db:migrate"], { cwd: backendDir, env, stdio: "ignore" })
  // Imports the catalogue (a kept one is only indexed again) and times a full index build.
  const seeded = execFileSync(medusa, ["exec", "./bench/seed-search-catalog.ts"], {
    cwd: backendDir,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  }).toString()
  console.log(seeded.split("\n").find((l) => l.startsWith("index build")))
  const { publishable_key } = JSON.parse(
    seeded
      .split("\n")
      .find((l) => l.startsWith("OCOP_BENCH"))
      .slice(11)
  )
  backend = spawn(medusa, ["start"], { cwd: backendDir, env, stdio: "ignore", detached: true })
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false
      )
    )
      break
    await new Promise((r) => setTimeout(r, 500))
  }
  const headers = { "x-publishable-api-key": publishable_key }
  for (const path of [ours[0], stock[0]]) await fetch(`http://127.0.0.1:${port}${path}`, { headers }) // warm-up
  // BENCH_SKIP_STOCK=1 leaves out Medusa's stock route (about 15 minutes of the run on 20,000 products).
  const withStock = process.env.BENCH_SKIP_STOCK !== "1"
  await oneConnection("ocop search (text+filters+facets)", ours, headers)
  if (withStock) await oneConnection("stock /store/products?q=          ", stock, headers)
  await twentyConnections("ocop search (text+filters+facets)", ours, headers)
  if (withStock) await twentyConnections("stock /store/products?q=          ", stock, headers)
  // The same search route with its answer cache off: every request reaches PostgreSQL.
  process.kill(-backend.pid, "SIGTERM")
  await new Promise((r) => backend.on("exit", r))
  backend = spawn(medusa, ["start"], { cwd: backendDir, env: { ...env, OCOP_SEARCH_CACHE: "off" }, stdio: "ignore", detached: true })
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false
      )
    )
      break
    await new Promise((r) => setTimeout(r, 500))
  }
  await fetch(`http://127.0.0.1:${port}${ours[0]}`, { headers })
  await oneConnection("ocop search, cache off             ", ours, headers)
  await twentyConnections("ocop search, cache off             ", ours, headers)
} finally {
  if (backend) process.kill(-backend.pid, "SIGTERM")
  await new Promise((r) => setTimeout(r, 2000))
  if (keep) console.log(`catalogue kept: BENCH_REUSE_DATABASE=${name}`)
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
