// What the search benchmarks share: the request mix, a backend started on a bench database, one-connection and
// 20-connection loads with the CPU each request cost the backend and PostgreSQL.
import { execFileSync, spawn } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { performance } from "node:perf_hooks"
import autocannon from "autocannon"

export const backendDir = join(dirname(fileURLToPath(import.meta.url)), "..")
export const medusa = join(backendDir, "..", "node_modules", ".bin", "medusa")

const WORDS = ["mat ong", "nuoc mam", "che", "gao thom", "ruou nep", "banh da", "keo lac", "yen sao", "buoi", "mien dong", "tra hoa vang", "ca phe"]
const FILTERS = ["", "&stars=4", "&stars=3,4", "&province=Nghe%20An", "&group=I", "&producer_type=cooperative", "&province=Ha%20Giang&stars=3"]
/** 84 requests of the shop's search route: text, half of them with filters, always every facet. */
export const OURS = WORDS.flatMap((w, i) => FILTERS.map((f, j) => `/store/ocop/search?q=${encodeURIComponent(w)}${(i + j) % 2 ? f : ""}&limit=20`))
/** The search page without text (newest first, every facet): each filter of the mix, 7 requests. */
export const BROWSE = FILTERS.map((f) => `/store/ocop/search?limit=20${f}`)
/** Medusa's stock product search on the same words. */
export const STOCK = WORDS.map((w) => `/store/products?q=${encodeURIComponent(w)}&limit=20&fields=id,title,handle,thumbnail`)

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** `medusa start` in its own process group (so it and its children stop together); resolves once /health answers. */
export async function startBackend(env, port) {
  const backend = spawn(medusa, ["start"], { cwd: backendDir, env, stdio: "ignore", detached: true })
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false
      )
    )
      return backend
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the backend did not answer on port ${port} within 2 minutes`)
}

export async function stopBackend(backend) {
  if (!backend || backend.exitCode !== null) return
  process.kill(-backend.pid, "SIGTERM")
  await new Promise((r) => backend.on("exit", r))
}

export async function oneConnection(label, { port, paths, headers, requests = 1000 }) {
  const times = []
  for (let i = 0; i < requests; i++) {
    const start = performance.now()
    const response = await fetch(`http://127.0.0.1:${port}${paths[i % paths.length]}`, { headers })
    if (!response.ok) throw new Error(`${label}: ${response.status} ${await response.text()}`)
    await response.arrayBuffer()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const figures = { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) }
  console.log(
    `${label} 1 connection, ${requests} requests: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms`
  )
  return figures
}

// CPU seconds used so far by the backend's process group and by local PostgreSQL processes (ps counts whole
// seconds; over a 30 s run of thousands of requests that is precise enough for a per-request split).
function cpuSeconds(backendPid) {
  const lines = execFileSync("ps", ["-e", "-o", "cputimes=,pgid=,args="]).toString().trim().split("\n")
  const sum = (keep) =>
    lines
      .map((l) => l.trim().split(/\s+/))
      .filter(keep)
      .reduce((s, [t]) => s + Number(t), 0)
  return { backend: sum(([, pgid]) => Number(pgid) === backendPid), postgres: sum(([, , name]) => name === "postgres:") }
}

export async function twentyConnections(label, { port, paths, headers, backend, duration = 30 }) {
  let next = 0
  const before = cpuSeconds(backend.pid)
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 20,
    duration,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  })
  console.log(
    `${label} 20 connections, ${duration} s: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
      `p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`
  )
  const after = cpuSeconds(backend.pid)
  const perRequest = (key) => ((after[key] - before[key]) * 1000) / Math.max(1, result.requests.total)
  // Every PostgreSQL process on the machine is counted: on a shared machine the split is an upper bound.
  console.log(`  CPU per request: backend ${perRequest("backend").toFixed(1)} ms, PostgreSQL ${perRequest("postgres").toFixed(1)} ms`)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    cpu_backend_ms: perRequest("backend"),
    cpu_postgres_ms: perRequest("postgres"),
  }
}
