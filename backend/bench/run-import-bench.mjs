#!/usr/bin/env node
// `npm run bench -w @ocop/backend`: creates a throw-away database on the PostgreSQL of BENCH_DATABASE_URL
// (default: the local one at localhost:5432), migrates it, runs import-bench.ts, and drops it.
import { execFileSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { randomSecrets } from "./random-secrets.mjs"

const backendDir = join(dirname(fileURLToPath(import.meta.url)), "..")
const medusa = join(backendDir, "..", "node_modules", ".bin", "medusa")
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const name = `ocop_bench_${Date.now()}`
const admin = new pg.Client({ connectionString: server })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(server)
url.pathname = `/${name}`
const env = { ...process.env, ...randomSecrets(), DATABASE_URL: url.toString(), LOG_LEVEL: "error" }
try {
  execFileSync(medusa, ["db:migrate"], { cwd: backendDir, env, stdio: "ignore" })
  execFileSync(medusa, ["exec", "./bench/import-bench.ts"], { cwd: backendDir, env, stdio: "inherit" })
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
