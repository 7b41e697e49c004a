#!/usr/bin/env node
// The store-filter text index (search/src/postgres/facet-table.ts, `_fts_where_idx`) measured side by side: one
// fresh 20,000-product catalogue, the search route with its answer cache off, rounds alternating between the index
// present and dropped (the statement is the same; PostgreSQL then reads the index of every row). Prints each
// round's one-connection and 20-connection figures.
//   node bench/search-store-index-ab.mjs   (BENCH_PORT, OCOP_BENCH_ROWS, BENCH_ROUNDS=2 as the search bench)
import { execFileSync } from "node:child_process"
import { loadavg } from "node:os"
import pg from "pg"
import { benchBackendEnv } from "./bench-env.mjs"
import { backendDir, medusa, oneConnection, OURS, startBackend, stopBackend, twentyConnections } from "./search-load.mjs"

const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const port = Number(process.env.BENCH_PORT ?? 9131)
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)
const name = `ocop_search_ab_${Date.now()}`
const admin = new pg.Client({ connectionString: server })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(server)
url.pathname = `/${name}`
const env = benchBackendEnv(url.toString(), { DISABLE_ADMIN: "true", PORT: String(port) })
const db = new pg.Client({ connectionString: url.toString() })
let backend
try {
  execFileSync(medusa, ["db:migrate"], { cwd: backendDir, env, stdio: "ignore" })
  const seeded = execFileSync(medusa, ["exec", "./bench/seed-search-catalog.ts"], {
    cwd: backendDir,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  }).toString()
  const { publishable_key } = JSON.parse(
    seeded
      .split("\n")
      .find((l) => l.startsWith("OCOP_BENCH"))
      .slice(11)
  )
  await db.connect()
  // The index of the version the shop reads: earlier versions' tables stay until the module cleans them up.
  const { rows } = await db.query(
    `SELECT i.indexname, i.indexdef FROM search_index s
     JOIN search_index_version v ON v.search_index_id = s.id AND v.version = s.active_version
     JOIN pg_indexes i ON i.tablename = 'search_pg_' || v.physical_name || '_facets' AND i.indexname LIKE '%_fts_where_idx'
     WHERE s.name = 'product'`
  )
  if (rows.length !== 1) throw new Error(`expected the active product index to have one store-filter text index, found ${rows.length}`)
  const [{ indexname, indexdef }] = rows
  backend = await startBackend({ ...env, OCOP_SEARCH_CACHE: "off" }, port)
  const headers = { "x-publishable-api-key": publishable_key }
  await fetch(`http://127.0.0.1:${port}${OURS[0]}`, { headers })
  for (let round = 0; round < rounds; round++) {
    for (const withIndex of round % 2 ? [false, true] : [true, false]) {
      if (withIndex) await db.query(indexdef.replace(/^CREATE INDEX/, "CREATE INDEX IF NOT EXISTS"))
      else await db.query(`DROP INDEX IF EXISTS "${indexname}"`)
      await db.query(`ANALYZE`)
      const label = `round ${round + 1}, ${withIndex ? "store-filter index" : "index of every row"}`.padEnd(40)
      await oneConnection(label, { port, paths: OURS, headers, requests: 500 })
      await twentyConnections(label, { port, paths: OURS, headers, backend, duration: 15 })
      console.log(
        `  load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`
      )
    }
  }
} finally {
  await stopBackend(backend)
  await db.end().catch(() => {})
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
