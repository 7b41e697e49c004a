// What `npm start` (scripts/start.mjs) and `npm run start:cluster` (scripts/start-cluster.mjs) share: starting and
// stopping child processes, and the production builds of the backend and the shop, rebuilt only when their sources
// changed.
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
export const backendDir = join(root, "backend")
export const storefrontDir = join(root, "storefront")
/** Where `medusa build` writes the compiled backend and its admin (public/admin): `medusa start` runs from here. */
export const backendBuildDir = join(backendDir, ".medusa", "server")
export const medusaBin = join(root, "node_modules", ".bin", "medusa")
// npm keeps `next` beside the shop's React 19 when the root holds another React.
export const nextBin = existsSync(join(storefrontDir, "node_modules", ".bin", "next"))
  ? join(storefrontDir, "node_modules", ".bin", "next")
  : join(root, "node_modules", ".bin", "next")

const HASH_FILE = ".ocop-source-hash"
const SKIPPED = new Set(["node_modules", ".medusa", ".next", "dist", ".turbo", "static", "uploads", "coverage", "test-results"])

export function log(message) {
  process.stdout.write(`[ocop] ${message}\n`)
}

/** Runs one step of a start and prints how long it took (the fault tests read these lines for their set-up times). */
export async function timedStep(name, step) {
  const started = Date.now()
  const result = await step()
  log(`step: ${name} ${Math.round((Date.now() - started) / 1000)} s`)
  return result
}

const children = new Set()
let stopping = false
let beforeExit = async () => {}

/** Runs `command` to completion; rejects naming it when it fails. */
export function run(command, args, options = {}) {
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

/**
 * Starts a long-running process in its own process group (so its forks stop with it). `onExit` decides what an
 * unexpected exit means; by default it stops everything.
 */
export function startService(name, command, args, options = {}, onExit = (code) => stopAll(code ?? 1)) {
  const child = spawn(command, args, { stdio: "inherit", detached: true, ...options })
  child.serviceName = name
  children.add(child)
  child.on("exit", (code, signal) => {
    children.delete(child)
    if (!stopping) {
      log(`${name} exited with ${signal ?? code}`)
      onExit(code, signal)
    }
  })
  return child
}

/** True once stopAll began: a supervisor's pending restart must then start nothing (it would outlive the stop). */
export function isStopping() {
  return stopping
}

/** Runs once everything else has stopped (the embedded database stops last). */
export function setBeforeExit(callback) {
  beforeExit = callback
}

export async function stopAll(code = 0) {
  if (stopping) return
  stopping = true
  log("stopping…")
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      // already gone
    }
  }
  await Promise.all(
    [...children].map(
      (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on("exit", resolve)))
    )
  )
  await beforeExit().catch(() => {})
  process.exit(code)
}

export function stopOnSignals() {
  process.on("SIGINT", () => stopAll(0))
  process.on("SIGTERM", () => stopAll(0))
}

export async function waitForHttp(url, timeoutMs = 300_000) {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

function hashTree(hash, path) {
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (SKIPPED.has(entry.name) || entry.name.startsWith(".env")) continue
    const full = join(path, entry.name)
    if (entry.isDirectory()) hashTree(hash, full)
    else if (entry.isFile()) {
      hash.update(relative(root, full))
      hash.update(readFileSync(full))
    }
  }
}

/** One digest over the given files and folders (relative to the repository) and the lockfile, plus `extra`. */
export function hashSources(paths, extra = "") {
  const hash = createHash("sha256")
  for (const path of [...paths, "package-lock.json"]) {
    const full = join(root, path)
    if (!existsSync(full)) continue
    if (lstatSync(full).isDirectory()) hashTree(hash, full)
    else {
      hash.update(path)
      hash.update(readFileSync(full))
    }
  }
  hash.update(extra)
  return hash.digest("hex")
}

function builtFrom(dir) {
  const file = join(dir, HASH_FILE)
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null
}

/** Workspaces compiled into a build (the shop's pages, the backend's admin), not read from node_modules at run time. */
const BUNDLED_WORKSPACES = ["domain/src", "domain/package.json", "contracts/src", "contracts/package.json"]

/**
 * The digest the backend build is made from: `medusa build` bundles the admin with the workspaces it imports
 * (@ocop/domain, @ocop/contracts), so their sources count too. It also names a database set up by that build (the
 * fault tests).
 */
export function backendSourceDigest() {
  return hashSources(["backend/src", "backend/medusa-config.ts", "backend/package.json", "backend/tsconfig.json", ...BUNDLED_WORKSPACES])
}

/**
 * The digest the shop build is made from. `NEXT_PUBLIC_*` values are written into the browser's code at build time,
 * so they are part of it: another value rebuilds.
 */
export function shopSourceDigest(env) {
  const publicValues = Object.keys(env)
    .filter((name) => name.startsWith("NEXT_PUBLIC_"))
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join("\n")
  return hashSources(
    [
      "storefront/src",
      "storefront/messages",
      "storefront/public",
      "storefront/next.config.ts",
      "storefront/package.json",
      "storefront/tsconfig.json",
      ...BUNDLED_WORKSPACES,
    ],
    publicValues
  )
}

/**
 * `medusa build`, then the digest of the sources it was made from beside it: the one place a backend build is made,
 * whether by `npm run build` (turbo, in `npm test` and CI) or by a start that found none for these sources.
 */
export async function buildBackend(env) {
  const digest = backendSourceDigest()
  log("backend: building for production (a few minutes)…")
  const started = Date.now()
  await run(medusaBin, ["build"], { cwd: backendDir, env })
  writeFileSync(join(backendBuildDir, HASH_FILE), `${digest}\n`)
  log(`backend: built in ${Math.round((Date.now() - started) / 1000)} s`)
}

/** `next build`, then the digest of its sources beside it (storefront/.next): the one place a shop build is made. */
export async function buildShop(env) {
  const digest = shopSourceDigest(env)
  log("shop: building for production (a few minutes)…")
  const started = Date.now()
  await run(nextBin, ["build"], { cwd: storefrontDir, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } })
  writeFileSync(join(storefrontDir, ".next", HASH_FILE), `${digest}\n`)
  log(`shop: built in ${Math.round((Date.now() - started) / 1000)} s`)
}

/**
 * The backend build (compiled backend and admin in backend/.medusa/server), made again only when its sources changed
 * since. Photos stay in backend/static, outside the build that each rebuild replaces: the build's `static` (where
 * `medusa start` serves /static from and the local file provider writes) is a link to it.
 */
export async function ensureBackendBuild(env) {
  if (builtFrom(backendBuildDir) === backendSourceDigest() && existsSync(join(backendBuildDir, "public", "admin", "index.html"))) {
    log("backend: reusing the production build (sources unchanged)")
  } else await buildBackend(env)
  const photos = join(backendDir, "static")
  const linked = join(backendBuildDir, "static")
  mkdirSync(photos, { recursive: true })
  if (!existsSync(linked)) {
    rmSync(linked, { force: true })
    symlinkSync(photos, linked, "dir")
  }
}

/** The shop build in storefront/.next, made again only when its sources (or `NEXT_PUBLIC_*` values) changed since. */
export async function ensureShopBuild(env) {
  const buildDir = join(storefrontDir, ".next")
  if (builtFrom(buildDir) === shopSourceDigest(env) && existsSync(join(buildDir, "BUILD_ID"))) {
    log("shop: reusing the production build (sources unchanged)")
    return
  }
  await buildShop(env)
}
