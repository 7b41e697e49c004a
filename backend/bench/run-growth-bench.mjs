#!/usr/bin/env node
// `npm run bench:growth -w @ocop/backend`: search cost against catalogue size (issue 18). For each size of
// OCOP_GROWTH_SIZES (default 5000,20000,100000; about 20 minutes on a quiet machine, most of it importing the
// 100,000 rows), a database with that many published synthetic products: the full index build time, then the
// shop's search route with its answer cache off (every request reaches PostgreSQL), one connection (1,000 requests)
// and 20 connections (30 s), and Medusa's stock GET /store/products?q= on the same words as the anchor (one
// connection, OCOP_GROWTH_STOCK_REQUESTS, default 50; 0 leaves it out). Prints a table and writes
// docs/search-growth.{png,svg,json}; BENCH_GROWTH_BASELINE=<an earlier json> draws that run dashed beside it (by default the same run's "exact" mode is drawn dashed).
// Databases: fresh ones, dropped at the end unless BENCH_KEEP_DATABASE=1; OCOP_GROWTH_DATABASES=5000=<name>,…
// measures catalogues an earlier run kept (their index is rebuilt and timed again). On a busy machine, where
// importing 100,000 rows takes hours, OCOP_GROWTH_TEMPLATE=<a kept catalogue> copies that database for each
// size instead and resizes its search index in SQL (a sample of its documents, or copies of them under new ids:
// the same words, facet values and proportions at every size); no index build is timed then, nor Medusa's route.
import { execFileSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { loadavg } from "node:os"
import pg from "pg"
import { writeGrowthPlot } from "./plot-growth.mjs"
import { benchBackendEnv } from "./bench-env.mjs"
import { backendDir, medusa, oneConnection, OURS, startBackend, STOCK, stopBackend, twentyConnections } from "./search-load.mjs"

const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const port = Number(process.env.BENCH_PORT ?? 9123)
const sizes = (process.env.OCOP_GROWTH_SIZES ?? "5000,20000,100000").split(",").map(Number)
const kept = new Map(
  (process.env.OCOP_GROWTH_DATABASES ?? "")
    .split(",")
    .filter(Boolean)
    .map((pair) => pair.split("="))
    .map(([n, db]) => [Number(n), db])
)
const template = process.env.OCOP_GROWTH_TEMPLATE
const stockRequests = Number(process.env.OCOP_GROWTH_STOCK_REQUESTS ?? 50)
const requests = Number(process.env.OCOP_GROWTH_REQUESTS ?? 1000)
const duration = Number(process.env.OCOP_GROWTH_SECONDS ?? 30)
// Each size is measured with the bound (the default, 1,000 matches) and, for comparison in the same run, "exact".
const modes = (process.env.OCOP_GROWTH_MODES ?? "bounded,exact").split(",")
const docs = join(backendDir, "..", "docs")
const admin = new pg.Client({ connectionString: server })
await admin.connect()

/** The template's search index resized to `products` documents (see above); returns the publishable key. */
async function resizeIndex(url, products) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    // The active version's table (db:migrate may have left older versions' tables beside it).
    const { rows } = await db.query(
      `SELECT p."name", p."table_name" FROM "search_postgres_index" p
       JOIN "search_index" i ON p."name" = i."name" || '_v' || i."active_version"
       WHERE i."name" = 'product' AND i."deleted_at" IS NULL`
    )
    const table = `"${rows[0].table_name}"`
    const have = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
    if (products < have) {
      await db.query(`DELETE FROM ${table} WHERE "id" NOT IN (SELECT "id" FROM ${table} ORDER BY md5("id") LIMIT $1)`, [products])
    } else if (products > have) {
      await db.query(
        `INSERT INTO ${table} ("id", "document", "indexed", "search_vector", "search_text")
         SELECT c."id", jsonb_set(t."document", '{id}', to_jsonb(c."id")), jsonb_set(t."indexed", '{id}', to_jsonb(c."id")), t."search_vector", t."search_text"
         FROM (SELECT * FROM ${table} ORDER BY md5("id") LIMIT $1) t, generate_series(1, $2::int) k, LATERAL (SELECT t."id" || '~' || k AS "id") c`,
        [have, Math.ceil(products / have) - 1]
      )
      await db.query(`DELETE FROM ${table} WHERE "id" IN (SELECT "id" FROM ${table} WHERE "id" ~ '~[0-9]+$' ORDER BY md5("id") OFFSET $1)`, [
        products - have,
      ])
    }
    const count = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
    await db.query(`UPDATE "search_postgres_index" SET "document_count" = $1 WHERE "name" = $2`, [count, rows[0].name])
    // VACUUM too: the rows the resize deleted would otherwise stay in every scan (autovacuum is off on these machines).
    await db.query(`VACUUM ANALYZE ${table}`)
    await db.query(`VACUUM ANALYZE "${rows[0].table_name}_facets"`)
    // The shop's key (ensure-store-defaults.ts), not the one db:migrate makes for its own default channel.
    const key = (await db.query(`SELECT "token" FROM "api_key" WHERE "type" = 'publishable' AND "title" = 'Storefront' AND "revoked_at" IS NULL`))
      .rows[0].token
    return { publishable_key: key, products: count }
  } finally {
    await db.end()
  }
}

async function measureSize(products) {
  const name = kept.get(products) ?? `ocop_growth_${products}_${Date.now()}`
  const fresh = !kept.has(products)
  if (fresh) await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  const env = benchBackendEnv(url.toString(), { DISABLE_ADMIN: "true", PORT: String(port) })
  let backend
  try {
    let build = "index build: not measured (index resized from the template)"
    let meta
    if (template && fresh) {
      meta = await resizeIndex(url.toString(), products)
    }
    if (!meta) {
      if (fresh && !template) execFileSync(medusa, ["db:migrate"], { cwd: backendDir, env, stdio: "ignore" })
      const seeded = execFileSync(medusa, ["exec", "./bench/seed-search-catalog.ts"], {
        cwd: backendDir,
        env: { ...env, OCOP_BENCH_ROWS: String(products), NODE_OPTIONS: "--max-old-space-size=8192" },
        stdio: ["ignore", "pipe", "inherit"],
        maxBuffer: 64 * 1024 * 1024,
      }).toString()
      build = seeded.split("\n").find((l) => l.startsWith("index build"))
      meta = JSON.parse(
        seeded
          .split("\n")
          .find((l) => l.startsWith("OCOP_BENCH"))
          .slice(11)
      )
    }
    console.log(`\n## ${products.toLocaleString("en-US")} products (${name}): ${build}`)
    const headers = { "x-publishable-api-key": meta.publishable_key }
    const seconds = /in ([\d.]+) s/.exec(build)
    const measured = {}
    for (const mode of modes) {
      // "exact" is the search as it was before the bound: every match read for the count and facets.
      const bound = mode === "exact" ? "1000000000" : (process.env.OCOP_SEARCH_MAX_SCANNED_MATCHES ?? "1000")
      backend = await startBackend({ ...env, OCOP_SEARCH_CACHE: "off", OCOP_SEARCH_MAX_SCANNED_MATCHES: bound }, port)
      for (const path of OURS.slice(0, 7)) await fetch(`http://127.0.0.1:${port}${path}`, { headers }) // warm-up
      const label = `ocop search, cache off, ${mode}`
      const one = await oneConnection(label, { port, paths: OURS, headers, requests })
      const twenty = await twentyConnections(label, { port, paths: OURS, headers, backend, duration })
      const stock =
        // A resized copy still holds the template's products: Medusa's route would search those, not `products`.
        stockRequests > 0 && mode === modes[0] && !template
          ? await oneConnection("stock /store/products?q=", { port, paths: STOCK, headers, requests: stockRequests })
          : null
      await stopBackend(backend)
      measured[mode] = { products: meta.products, build_s: seconds ? Number(seconds[1]) : null, one, twenty, stock, load: loadavg()[0] }
    }
    return measured
  } finally {
    await stopBackend(backend)
    if (fresh && process.env.BENCH_KEEP_DATABASE !== "1") await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    else console.log(`catalogue kept: OCOP_GROWTH_DATABASES=${products}=${name}`)
  }
}

const measured = []
try {
  for (const size of sizes) measured.push(await measureSize(size))
} finally {
  await admin.end()
}
const rows = measured.map((m) => m[modes[0]])
const compared = modes[1] ? measured.map((m) => m[modes[1]]) : undefined

/** An earlier run's json: the rows of its first mode. */
function readBaseline(file) {
  const earlier = JSON.parse(readFileSync(file, "utf8"))
  return earlier.measured.map((m) => m[earlier.modes[0]])
}

const f = (n, digits = 1) => (n === null || n === undefined ? "—" : n.toFixed(digits))
console.log(
  `\n| products | mode | index build | 1 connection p50 / p95 | 20 connections | p97.5 at 20 | CPU per request backend / PostgreSQL | stock /store/products?q= p50 / p95 | load |`
)
console.log(`|---|---|---|---|---|---|---|---|---|`)
for (const r of measured.flatMap((m) => modes.map((mode) => ({ ...m[mode], mode })))) {
  console.log(
    `| ${r.products.toLocaleString("en-US")} | ${r.mode} | ${r.build_s === null ? "—" : `${f(r.build_s)} s`} | ${f(r.one.p50)} / ${f(r.one.p95)} ms | ${f(r.twenty.rps, 0)} req/s | ${r.twenty.p97_5} ms | ` +
      `${f(r.twenty.cpu_backend_ms)} / ${f(r.twenty.cpu_postgres_ms)} ms | ${r.stock ? `${f(r.stock.p50)} / ${f(r.stock.p95)} ms` : "—"} | ${f(r.load)} |`
  )
}
for (const mode of modes) {
  const at = (n) => measured.map((m) => m[mode]).find((r) => r.products >= n * 0.95 && r.products <= n * 1.05)
  if (at(20000) && at(100000)) {
    const ratio = (pick) => (pick(at(100000)) / pick(at(20000))).toFixed(2)
    console.log(
      `100,000 against 20,000, ${mode}: p50 ×${ratio((r) => r.one.p50)}, p95 ×${ratio((r) => r.one.p95)}, req/s ×${ratio((r) => r.twenty.rps)}`
    )
  }
}
const stamp = new Date().toISOString().slice(0, 16).replace("T", " ")
writeFileSync(join(docs, "search-growth.json"), `${JSON.stringify({ measured_at: stamp, modes, measured }, null, 2)}\n`)
const baseline = compared ?? (process.env.BENCH_GROWTH_BASELINE ? readBaseline(process.env.BENCH_GROWTH_BASELINE) : undefined)
const loads = rows.map((r) => r.load.toFixed(1)).join(" / ")
await writeGrowthPlot(rows, join(docs, "search-growth.png"), {
  baseline,
  subtitle: `answer cache off, every facet; ${stamp} UTC, 2 shared cores, load average ${loads}${compared ? `; dashed: ${modes[1]} (every match read, as before)` : baseline ? "; dashed: before" : ""}`,
})
console.log(`plot: docs/search-growth.png`)
