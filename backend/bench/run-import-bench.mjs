#!/usr/bin/env node
// `npm run bench:import -w @ocop/backend`: creates a throw-away database on the PostgreSQL of BENCH_DATABASE_URL
// (default: the local one at localhost:5432), migrates it, runs import-bench.ts, and drops it.
//
// Topology (BENCH_IMPORT_TOPOLOGY): `shared` (default) is one process doing both (in-memory event bus), as
// `npm start` runs. `worker` is the scaled-out one (docs/production.md, start:cluster): the import runs in a process
// with MEDUSA_WORKER_MODE=server and the search index ingests its events in a separate `medusa start` with
// MEDUSA_WORKER_MODE=worker, both on a Redis of the bench's own (`redis-server` on BENCH_REDIS_PORT, default
// BENCH_PORT + 1; BENCH_PORT, default 9123, is the worker's HTTP port). Not the default: there a 20,000-row import
// peaked at 2.8 GB and answered later (docs/benchmarks.md, session 10). The printed figures say which.
import { execFileSync, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { benchBackendEnv } from "./bench-env.mjs"

const backendDir = join(dirname(fileURLToPath(import.meta.url)), "..")
const medusa = join(backendDir, "..", "node_modules", ".bin", "medusa")
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const topology = process.env.BENCH_IMPORT_TOPOLOGY ?? "shared"
if (!["worker", "shared"].includes(topology)) throw new Error(`BENCH_IMPORT_TOPOLOGY: worker | shared, not ${topology}`)
const port = Number(process.env.BENCH_PORT ?? 9123)
const redisPort = Number(process.env.BENCH_REDIS_PORT ?? port + 1)
const name = `${process.env.BENCH_DATABASE_PREFIX ?? "ocop_bench"}_${Date.now()}`
const admin = new pg.Client({ connectionString: server })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(server)
url.pathname = `/${name}`
const env = benchBackendEnv(url.toString())
const children = []

/** Peak resident memory of a process still running (Linux), in MB. */
const peakRss = (pid) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024)

async function waitForHealth(child, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}) before answering /health`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`the worker did not answer /health on port ${port} within ${seconds} s`)
}

try {
  execFileSync(medusa, ["db:migrate"], { cwd: backendDir, env, stdio: "ignore" })
  let importEnv = { ...env, MEDUSA_WORKER_MODE: "shared" }
  let worker
  if (topology === "worker") {
    const redisUrl = `redis://127.0.0.1:${redisPort}`
    const redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
      detached: true,
    })
    children.push(redis)
    worker = spawn(medusa, ["start"], {
      cwd: backendDir,
      env: { ...env, REDIS_URL: redisUrl, MEDUSA_WORKER_MODE: "worker", PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    })
    children.push(worker)
    await waitForHealth(worker, 300)
    importEnv = { ...env, REDIS_URL: redisUrl, MEDUSA_WORKER_MODE: "server" }
  }
  console.log(
    `topology: ${topology === "worker" ? "import in a server-mode process, index ingestion in a worker (Redis event bus)" : "one process (in-memory event bus)"}`
  )
  // BENCH_CPU_PROF_DIR: a CPU profile of the importing process (`--cpu-prof` is refused in NODE_OPTIONS).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []
  execFileSync(process.execPath, [...profile, medusa, "exec", "./bench/import-bench.ts"], { cwd: backendDir, env: importEnv, stdio: "inherit" })
  if (worker) console.log(`worker (index ingestion) peak RSS ${peakRss(worker.pid)} MB`)
} finally {
  for (const child of children.reverse()) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      // gone
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.on("exit", resolve), setTimeout(resolve, 15_000))))
  }
  // BENCH_KEEP_DATABASE=1 leaves the imported catalogue for a closer look (its name is printed).
  if (process.env.BENCH_KEEP_DATABASE === "1") console.log(`kept database ${name}`)
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
