#!/usr/bin/env node
// `npm run bench:search -w @ocop/backend`: a fresh database with 20,000 published synthetic OCOP products, then
// in one run the shop's search route and Medusa's stock GET /store/products?q= on the same text queries:
// one connection (1,000 requests) and 20 connections (30 s). Prints latency percentiles and requests/s.
import { execFileSync } from "node:child_process"
import pg from "pg"
import { benchBackendEnv } from "./bench-env.mjs"
import {
  backendDir,
  BROWSE as browse,
  medusa,
  oneConnection,
  OURS as ours,
  startBackend,
  STOCK as stock,
  stopBackend,
  twentyConnections,
} from "./search-load.mjs"

const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const port = Number(process.env.BENCH_PORT ?? 9123)
// BENCH_REUSE_DATABASE=<name> measures again (index build included) on a catalogue an earlier run left (it is
// then not dropped); BENCH_KEEP_DATABASE=1 leaves this run's catalogue for that.
const reuse = process.env.BENCH_REUSE_DATABASE
const keep = Boolean(reuse) || process.env.BENCH_KEEP_DATABASE === "1"
// BENCH_DATABASE_PREFIX names the catalogue (helpers sharing a server each keep their own).
const name = reuse ?? `${process.env.BENCH_DATABASE_PREFIX ?? "ocop_search_bench"}_${Date.now()}`
const admin = new pg.Client({ connectionString: server })
await admin.connect()
if (!reuse) await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(server)
url.pathname = `/${name}`
const env = benchBackendEnv(url.toString(), { DISABLE_ADMIN: "true", PORT: String(port) })

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
  backend = await startBackend(env, port)
  const headers = { "x-publishable-api-key": publishable_key }
  for (const path of [ours[0], stock[0]]) await fetch(`http://127.0.0.1:${port}${path}`, { headers }) // warm-up
  // BENCH_SKIP_STOCK=1 leaves out Medusa's stock route (about 15 minutes of the run on 20,000 products).
  const withStock = process.env.BENCH_SKIP_STOCK !== "1"
  await oneConnection("ocop search (text+filters+facets)", { port, paths: ours, headers })
  if (withStock) await oneConnection("stock /store/products?q=          ", { port, paths: stock, headers })
  await twentyConnections("ocop search (text+filters+facets)", { port, paths: ours, headers, backend })
  if (withStock) await twentyConnections("stock /store/products?q=          ", { port, paths: stock, headers, backend })
  // The same search route with its answer cache off: every request reaches PostgreSQL.
  await stopBackend(backend)
  backend = await startBackend({ ...env, OCOP_SEARCH_CACHE: "off" }, port)
  await fetch(`http://127.0.0.1:${port}${ours[0]}`, { headers })
  await oneConnection("ocop search, cache off             ", { port, paths: ours, headers })
  await twentyConnections("ocop search, cache off             ", { port, paths: ours, headers, backend })
  await oneConnection("ocop browse (no text), cache off   ", { port, paths: browse, headers, requests: 280 })
} finally {
  await stopBackend(backend)
  if (keep) console.log(`catalogue kept: BENCH_REUSE_DATABASE=${name}`)
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
