import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import pg from "pg"
import { ADMIN_EMAIL, BACKEND_PORT, BACKEND_URL, ROOT, STACK_FILE, STOREFRONT_PORT, STOREFRONT_URL, VNPAY_HOST, type StackInfo } from "./stack"
import { adminToken, listFourStarHoney, waitUntilSearchable } from "./catalog"
import { StripeFake } from "../../backend/integration-tests/fixtures/stripe-fake"

// npm hoists most binaries to the root; `next` stays in the storefront beside its React 19.
const bin = (name: string, workspace = "") => {
  const local = join(ROOT, workspace, "node_modules", ".bin", name)
  return existsSync(local) ? local : join(ROOT, "node_modules", ".bin", name)
}
const server = process.env.E2E_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"

async function waitFor(url: string, what: string, child: ChildProcess, timeoutMs = 180_000) {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} before answering ${url}`)
    const ok = await fetch(url)
      .then((r) => r.status < 500)
      .catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`)
}

/** A port someone else holds would make the tests talk to the wrong server: fail at once, naming it. */
async function assertPortFree(port: number) {
  const taken = await fetch(`http://localhost:${port}/`)
    .then(() => true)
    .catch(() => false)
  if (taken) throw new Error(`Port ${port} is already in use: stop that server or set E2E_BACKEND_PORT / E2E_STOREFRONT_PORT`)
}

function stopProcesses(children: ChildProcess[]) {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {
      // already gone
    }
  }
}

function startProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  const chunks: string[] = []
  child.stdout!.on("data", (d) => chunks.push(String(d)))
  child.stderr!.on("data", (d) => chunks.push(String(d)))
  child.on("exit", () => writeFileSync(log, chunks.join("")))
  return child
}

/**
 * The whole chain, real: a fresh PostgreSQL database, the Medusa backend migrated and bootstrapped (demo
 * catalogue, admin), then a production build of the storefront pointed at it. Returns the teardown.
 */
export default async function globalSetup() {
  mkdirSync(dirname(STACK_FILE), { recursive: true })
  const database = `ocop_e2e_${Date.now()}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  const url = new URL(server)
  url.pathname = `/${database}`

  // The apps have no secret defaults: every run makes its own, shared with the tests through the stack file.
  const random = () => randomBytes(32).toString("hex")
  const secrets = { JWT_SECRET: random(), COOKIE_SECRET: random(), OCOP_REVALIDATE_SECRET: random(), OCOP_FORWARDING_SECRET: random() }
  const ADMIN = { email: ADMIN_EMAIL, password: randomBytes(18).toString("base64url") }
  // VietQR is configured for every run (any real NAPAS BIN; no bank is reached): checkout offers it beside COD.
  const vietqr = {
    OCOP_VIETQR_BANK_BIN: "970436",
    OCOP_VIETQR_ACCOUNT_NUMBER: "1023456789",
    OCOP_VIETQR_ACCOUNT_NAME: "CONG TY CHO OCOP",
    OCOP_VIETQR_WEBHOOK_SECRET: random(),
  }

  // VNPay too, with its host on a local port the VNPay test serves: nothing reaches VNPay.
  const vnpay = {
    OCOP_VNPAY_TMN_CODE: "OCOPE2E1",
    OCOP_VNPAY_HASH_SECRET: randomBytes(16).toString("hex").toUpperCase(),
    OCOP_VNPAY_HOST: VNPAY_HOST,
  }
  // Cards go to a local Stripe fake on a free port (api.stripe.com cannot be reached): checkout offers "Thẻ (Stripe)".
  const stripe = { STRIPE_API_KEY: `sk_test_${random()}`, STRIPE_WEBHOOK_SECRET: `whsec_${random()}` }
  const stripeFake = new StripeFake(stripe.STRIPE_API_KEY)
  const stripeApiBase = await stripeFake.start(0)

  const backendDir = join(ROOT, "backend")
  const backendEnv = {
    ...secrets,
    ...vietqr,
    ...vnpay,
    ...stripe,
    OCOP_STRIPE_API_BASE: stripeApiBase,
    ...process.env,
    DATABASE_URL: url.toString(),
    DB_HOST: "localhost",
    // The run's database is dropped at the end: its commits need not wait for the disk (4.8 ms → 0.1 ms a commit here).
    PGOPTIONS: process.env.PGOPTIONS ?? "-c synchronous_commit=off",
    DISABLE_ADMIN: "true",
    LOG_LEVEL: "error",
    PORT: String(BACKEND_PORT),
    STORE_CORS: STOREFRONT_URL,
    AUTH_CORS: STOREFRONT_URL,
    OCOP_ADMIN_EMAIL: ADMIN.email,
    OCOP_ADMIN_PASSWORD: ADMIN.password,
    OCOP_STOREFRONT_URL: STOREFRONT_URL,
  }
  execFileSync(bin("medusa"), ["db:migrate"], { cwd: backendDir, env: backendEnv, stdio: "ignore" })
  const bootstrap = execFileSync(bin("medusa"), ["exec", "./src/scripts/bootstrap.ts"], { cwd: backendDir, env: backendEnv, encoding: "utf8" })
  const line = bootstrap.split("\n").find((l) => l.startsWith("OCOP_BOOTSTRAP "))
  if (!line) throw new Error(`bootstrap printed no OCOP_BOOTSTRAP line:\n${bootstrap}`)
  const { publishable_key, region_id } = JSON.parse(line.slice("OCOP_BOOTSTRAP ".length))

  const logs = join(dirname(STACK_FILE), "logs")
  mkdirSync(logs, { recursive: true })
  await assertPortFree(BACKEND_PORT)
  await assertPortFree(STOREFRONT_PORT)
  const started: ChildProcess[] = []
  try {
    return await startServers()
  } catch (error) {
    stopProcesses(started)
    await stripeFake.stop()
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined)
    await admin.end()
    throw error
  }

  async function startServers() {
    const backend = startProcess(bin("medusa"), ["start"], backendDir, backendEnv, join(logs, "backend.log"))
    started.push(backend)
    await waitFor(`${BACKEND_URL}/health`, "backend", backend)
    const honey = await listFourStarHoney(await adminToken(ADMIN))
    await waitUntilSearchable(honey.title, publishable_key)

    const storefrontDir = join(ROOT, "storefront")
    const storefrontEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      MEDUSA_BACKEND_URL: BACKEND_URL,
      MEDUSA_PUBLISHABLE_KEY: publishable_key,
      SITE_URL: STOREFRONT_URL,
      REVALIDATE_SECRET: secrets.OCOP_REVALIDATE_SECRET,
      OCOP_FORWARDING_SECRET: secrets.OCOP_FORWARDING_SECRET,
      NEXT_PUBLIC_STRIPE_KEY: `pk_test_${random().slice(0, 24)}`,
    }
    // `npm test` builds the storefront first (turbo: test depends on the workspaces' builds); a direct
    // `playwright test` builds it here. The build holds no backend address or key: both are read at run time.
    if (!existsSync(join(storefrontDir, ".next", "BUILD_ID"))) {
      execFileSync(bin("next", "storefront"), ["build"], { cwd: storefrontDir, env: storefrontEnv, stdio: "ignore" })
    }
    // Each run has a fresh database: pages and answers cached by an earlier run (same URLs, other ids) must not be
    // served, so the shop's runtime caches start empty.
    for (const cache of [
      ["cache", "fetch-cache"],
      ["server", "route-cache"],
    ]) {
      rmSync(join(storefrontDir, ".next", ...cache), { recursive: true, force: true })
    }
    const storefront = startProcess(
      bin("next", "storefront"),
      ["start", "-p", String(STOREFRONT_PORT)],
      storefrontDir,
      storefrontEnv,
      join(logs, "storefront.log")
    )
    started.push(storefront)
    await waitFor(`${STOREFRONT_URL}/vi`, "storefront", storefront)

    const info: StackInfo = {
      publishableKey: publishable_key,
      regionId: region_id,
      database,
      honey,
      admin: ADMIN,
      revalidateSecret: secrets.OCOP_REVALIDATE_SECRET,
      bankWebhookSecret: vietqr.OCOP_VIETQR_WEBHOOK_SECRET,
      vnpay: { tmnCode: vnpay.OCOP_VNPAY_TMN_CODE, hashSecret: vnpay.OCOP_VNPAY_HASH_SECRET },
      stripe: { apiBase: stripeApiBase, apiKey: stripe.STRIPE_API_KEY, webhookSecret: stripe.STRIPE_WEBHOOK_SECRET },
    }
    writeFileSync(STACK_FILE, JSON.stringify(info))

    return async () => {
      stopProcesses(started)
      await stripeFake.stop()
      await new Promise((r) => setTimeout(r, 1500))
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined)
      await admin.end()
    }
  }
}
