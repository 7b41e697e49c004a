#!/usr/bin/env node
// `npm run test:faults`: the scale-out topology (scripts/start-cluster.mjs) under a buyer load, and what holds when
// parts of it fail. Loopback only; PostgreSQL and Redis are throwaway instances of its own (Debian's PostgreSQL
// binaries in a temporary directory, `redis-server --port`), so restarting them touches nothing else. PostgreSQL
// starts on a copy of a database the cluster migrated and set up once (kept per backend sources: prepareDatabase).
// Every phase has a limit and the whole run stops itself after FAULTS_BUDGET_S (default 600 s), failing.
//
// Phases: a mixed load (search 50 %, product page 30 %, add to cart 15 %, checkout 5 %) stepped up at fixed arrival
// rates for at most LOAD_SECONDS (default 90) to the highest rate whose requests keep p95 < 300 ms, printing per
// step the rate, p50/p95/p99, errors and CPU of every process, then the RSS of every process; a buyer's journey through both HAProxy
// ports; a change made through one server served by the other despite the shared cache; then, each under load: kill -9 the worker during a 2,000-row import (and kill -9 one backend server while
// it recovers), stop Redis, restart PostgreSQL, SIGTERM a server during checkouts. Exit code 0 only when every
// check holds; the closing table gives each step's time.
import { execFileSync, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { connect } from "node:net"
import { cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { backendSourceDigest, root } from "./lib/stack.mjs"

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin"
const BASE = Number(process.env.FAULTS_BASE_PORT ?? 9340)
const PG_PORT = BASE
const REDIS_PORT = BASE + 1
const API_PORT = BASE + 10 // servers +1, +2, worker +3
const SHOP_PORT = BASE + 20 // shops +1, +2
const API = `http://127.0.0.1:${API_PORT}`
const SHOP = `http://127.0.0.1:${SHOP_PORT}`
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 90)
const BUDGET_MS = Number(process.env.FAULTS_BUDGET_S ?? 600) * 1000
const IMPORT_ROWS = Number(process.env.FAULTS_IMPORT_ROWS ?? 2000)
const SIGTERM_CHECKOUTS = 6
const CACHE_DIR = process.env.FAULTS_DB_CACHE ?? join(root, ".data", "faults-db")

// Every duration and deadline here is read on the monotonic clock, in whole milliseconds: the wall clock may step (a
// virtual machine resumed after a pause) and would shorten or stretch what a check measures.
const now = () => Math.round(performance.now())
const started = now()
const tmp = mkdtempSync(join(tmpdir(), "ocop-faults-"))
const asRoot = process.getuid?.() === 0
const failures = []
let cluster
let redis

function log(message) {
  process.stdout.write(`[faults ${Math.round((now() - started) / 1000)}s] ${message}\n`)
}

// Set once the run is over its budget: the phase still running while everything stops reports nothing more.
let overBudget = false

function expect(condition, message) {
  if (overBudget) return
  log(`${condition ? "ok  " : "FAIL"} ${message}`)
  if (!condition) failures.push(message)
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

const timings = []
/** Runs a step of the run and keeps how long it took, failed or not, for the closing table. */
async function timed(name, step) {
  const at = now()
  try {
    return await step()
  } finally {
    timings.push([name, Math.round((now() - at) / 1000)])
    log(`${name} took ${timings.at(-1)[1]} s`)
  }
}

function printTimings() {
  log(`timings (whole run ${Math.round((now() - started) / 1000)} s):`)
  for (const [name, seconds] of timings) log(`  ${name.padEnd(36)} ${String(seconds).padStart(5)} s`)
}

// ---------------------------------------------------------------------------------------------------------------
// Throwaway PostgreSQL and Redis

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres user. */
function pgCommand(name, args) {
  const command = join(PG_BIN, name)
  return asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args]
}

function pg(name, args) {
  const [command, argv] = pgCommand(name, args)
  return execFileSync(command, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
}

const pgData = join(tmp, "pg")
function startPostgres() {
  pg("pg_ctl", ["-D", pgData, "-l", join(tmp, "pg.log"), "-w", "-o", `-p ${PG_PORT} -k ${tmp} -c listen_addresses=127.0.0.1`, "start"])
}
function stopPostgres() {
  pg("pg_ctl", ["-D", pgData, "-m", "fast", "-w", "stop"])
}

function sql(query) {
  return pg("psql", ["-h", "127.0.0.1", "-p", String(PG_PORT), "-U", "postgres", "-d", "ocop", "-tAc", query]).trim()
}

function startRedis() {
  redis = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
    cwd: tmp,
  })
}

// ---------------------------------------------------------------------------------------------------------------
// The cluster

function pids() {
  return JSON.parse(readFileSync(join(tmp, "cluster", "pids.json"), "utf8"))
}

/** RSS of a process and its descendants, in MB. */
function rssMb(pid) {
  let total = 0
  const visit = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8")
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim()
      for (const child of children ? children.split(/\s+/) : []) visit(child)
    } catch {
      // gone
    }
  }
  visit(pid)
  return Math.round(total / 1024)
}

/** HAProxy's view: server name → UP/DOWN, from its stats socket. */
function haproxyStatus() {
  return new Promise((resolve) => {
    const socket = connect(join(tmp, "cluster", "haproxy.sock"))
    let out = ""
    socket.on("data", (d) => (out += d))
    socket.on("end", () => {
      const rows = out
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => l.split(","))
      resolve(Object.fromEntries(rows.filter((r) => r[1]?.startsWith("server-") || r[1]?.startsWith("shop-")).map((r) => [r[1], r[17]])))
    })
    socket.on("error", () => resolve({}))
    socket.write("show stat\n")
  })
}

async function waitUntil(what, predicate, timeoutMs) {
  const deadline = now() + timeoutMs
  while (now() < deadline) {
    if (await predicate().catch(() => false)) return now()
    await sleep(250)
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
}

const ok = (url) => fetch(url, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok)

// ---------------------------------------------------------------------------------------------------------------
// The buyer mix

let store // { key, regionId, products: [{ id, handle, variantId }] }
const TERMS = ["mật ong", "trà", "nước mắm", "gạo", "cà phê", "bánh", "rượu", "nấm"]
const ADDRESS = {
  first_name: "Lan",
  last_name: "Nguyễn",
  address_1: "12 Phố Huế",
  city: "Phường Hai Bà Trưng",
  province: "Thành phố Hà Nội",
  country_code: "vn",
  phone: "0912345678",
}

// While the load phase measures, every HTTP request a buyer makes is recorded here (the load's p95 is per request:
// an add to cart is 1 request, a checkout 7) with the signal that abandons it when its step is over.
let requestSink
let requestSignal

async function call(method, path, body) {
  const at = now()
  const sink = requestSink
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { "x-publishable-api-key": store.key, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: requestSignal ? AbortSignal.any([requestSignal, AbortSignal.timeout(30_000)]) : AbortSignal.timeout(30_000),
  }).catch((error) => {
    sink?.push({ at, ms: now() - at, ok: false, write: method !== "GET" })
    // Which call, and what the socket said ("fetch failed" alone names neither).
    throw new Error(`${method} ${path} → ${error.message} (${error.cause?.code ?? error.cause?.message ?? error.name})`)
  })
  const text = await response.text()
  sink?.push({ at, ms: now() - at, ok: response.ok, write: method !== "GET" })
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 160)}`)
  return JSON.parse(text)
}

const pick = (list) => list[Math.floor(Math.random() * list.length)]

// As the shop's add to cart (storefront/src/lib/actions/cart.ts) for a buyer without a cart: the cart created with
// its line in one call, and, like every cart write of the shop, only the id asked back.
async function addToCart(product = pick(store.buyable)) {
  const { cart } = await call("POST", "/store/carts?fields=id", {
    region_id: store.regionId,
    email: "lan@example.vn",
    items: [{ variant_id: product.variantId, quantity: 1 }],
  })
  return cart.id
}

async function checkout(product = pick(store.buyable)) {
  const cartId = await addToCart(product)
  await call("POST", `/store/carts/${cartId}?fields=id`, { shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cartId}`)
  await call("POST", `/store/carts/${cartId}/shipping-methods?fields=id`, { option_id: shipping_options[0].id })
  const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cartId })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const completed = await call("POST", `/store/carts/${cartId}/complete?fields=id`, {})
  if (completed.type !== "order") throw new Error(`checkout of ${cartId} answered ${completed.type}`)
  return cartId
}

const OPERATIONS = [
  { name: "search", weight: 50, run: () => call("GET", `/store/ocop/search?q=${encodeURIComponent(pick(TERMS))}&limit=12`) },
  {
    name: "product",
    weight: 30,
    run: async () => {
      const at = now()
      const sink = requestSink
      const signal = requestSignal ? AbortSignal.any([requestSignal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000)
      const response = await fetch(`${SHOP}/vi/products/${pick(store.products).handle}`, { signal })
        .then(async (r) => (await r.arrayBuffer(), r))
        .catch((error) => {
          sink?.push({ at, ms: now() - at, ok: false, write: false })
          throw error
        })
      sink?.push({ at, ms: now() - at, ok: response.ok, write: false })
      if (!response.ok) throw new Error(`product page → ${response.status}`)
    },
  },
  { name: "add to cart", weight: 15, run: addToCart },
  { name: "checkout", weight: 5, run: checkout },
]

function chooseOperation(operations = OPERATIONS) {
  let n = Math.random() * 100
  for (const op of operations) if ((n -= op.weight) < 0) return op
  return operations[0]
}

/** Runs the mix with `concurrency` buyers until `stop()`; returns every result with its time. */
const loads = new Set()
function startLoad(concurrency) {
  const results = []
  let running = true
  const buyers = Array.from({ length: concurrency }, async () => {
    while (running) {
      const op = chooseOperation()
      const at = now()
      try {
        await op.run()
        results.push({ op: op.name, at, ms: now() - at, ok: true })
      } catch (error) {
        results.push({ op: op.name, at, ms: now() - at, ok: false, error: error.message })
      }
    }
  })
  const load = {
    results,
    stop: async () => {
      running = false
      loads.delete(load)
      await Promise.all(buyers)
      return results
    },
  }
  loads.add(load)
  return load
}

/** Stops the load a phase that failed or ran out of time left running. */
const stopLoads = () => Promise.all([...loads].map((load) => load.stop()))

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0)

function summarise(results, seconds) {
  const line = (name, rows) => {
    const ms = rows.map((r) => r.ms).sort((a, b) => a - b)
    const errors = rows.filter((r) => !r.ok).length
    return `${name.padEnd(12)} ${String(rows.length).padStart(6)} ops ${(rows.length / seconds).toFixed(1).padStart(7)}/s  p50 ${percentile(ms, 50)} ms  p95 ${percentile(ms, 95)} ms  p99 ${percentile(ms, 99)} ms  errors ${errors}`
  }
  const lines = [
    line("all", results),
    ...OPERATIONS.map((op) =>
      line(
        op.name,
        results.filter((r) => r.op === op.name)
      )
    ),
  ]
  for (const l of lines) log(`  ${l}`)
  const firstErrors = [...new Set(results.filter((r) => !r.ok).map((r) => r.error))].slice(0, 3)
  for (const e of firstErrors) log(`  error: ${e}`)
}

function printRss() {
  const all = pids()
  log(
    `  RSS: ${Object.entries(all)
      .map(([name, pid]) => `${name} ${rssMb(pid)} MB`)
      .join(", ")}`
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

/**
 * Names a set-up database: the backend sources it was migrated and set up by, PostgreSQL's version, and the admin
 * login the tests sign in with (.data/local-secrets.json or the environment, as start-cluster reads them).
 */
function setUpDatabaseKey() {
  const file = join(root, ".data", "local-secrets.json")
  const secrets = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  return createHash("sha256")
    .update(backendSourceDigest())
    .update(pg("postgres", ["--version"]))
    .update(`${process.env.OCOP_ADMIN_EMAIL ?? secrets.OCOP_ADMIN_EMAIL}\n${process.env.OCOP_ADMIN_PASSWORD ?? secrets.OCOP_ADMIN_PASSWORD}`)
    .update(process.env.OCOP_DEMO_DATA ?? "")
    .digest("hex")
    .slice(0, 16)
}

/** Starts scripts/start-cluster.mjs on the throwaway PostgreSQL and Redis; resolves once it printed `until`. */
function startCluster(setup, until, extraEnv = {}) {
  const child = spawn(process.execPath, [join(root, "scripts", "start-cluster.mjs")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...extraEnv,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${PG_PORT}/ocop`,
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      PORT: String(API_PORT),
      STOREFRONT_PORT: String(SHOP_PORT),
      OCOP_CLUSTER_DIR: join(tmp, "cluster"),
      OCOP_CLUSTER_SETUP: setup,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  })
  const output = []
  const keep = (d) => {
    output.push(String(d))
    if (process.env.FAULTS_VERBOSE) process.stdout.write(d)
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const exited = new Promise((resolve) => child.on("exit", resolve))
  exited.then((code) => {
    if (code !== 0 && code !== null) {
      process.stdout.write(output.join("").slice(-4000))
      log(`the cluster exited with ${code}`)
    }
  })
  const said = () => output.join("").includes(until)
  /** The steps start-cluster timed (stack.mjs timedStep), each as [name, seconds], for the closing table. */
  const steps = () => [...output.join("").matchAll(/^\[ocop\] step: (.+) (\d+) s$/gm)].map((m) => [m[1], Number(m[2])])
  // Bounded by the run's own budget (a first start also builds the backend and the shop), or ended by its exit.
  const printed = Promise.race([
    waitUntil(`the cluster (${until})`, async () => said(), BUDGET_MS),
    exited.then((code) => {
      if (!said()) throw new Error(`start-cluster exited with ${code} before "${until}"`)
    }),
  ])
  return { child, printed, exited, steps }
}

/**
 * A fresh database takes the cluster's own migrations and store set-up (8–10 minutes on a loaded machine), so the
 * set-up one is kept (FAULTS_DB_CACHE, default .data/faults-db) and each run starts PostgreSQL on a copy of it. A
 * change to the backend's sources names another one: it is made again, once.
 */
async function prepareDatabase() {
  const cached = join(CACHE_DIR, setUpDatabaseKey())
  if (existsSync(cached)) {
    execFileSync("cp", ["-a", cached, pgData])
    startPostgres()
    log(`database: a copy of the set-up one in ${cached}`)
    return
  }
  pg("initdb", ["-D", pgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
  startPostgres()
  pg("createdb", ["-h", "127.0.0.1", "-p", String(PG_PORT), "-U", "postgres", "ocop"])
  log("database: none set up by these sources yet; building, migrating and setting up (start-cluster, once)")
  const setupStarted = now()
  const only = startCluster("only", "database set up")
  await only.printed
  if ((await only.exited) !== 0) throw new Error("the cluster's database set-up failed")
  for (const [name, seconds] of only.steps()) timings.push([`  database: ${name}`, seconds])
  log(`  set up in ${Math.round((now() - setupStarted) / 1000)} s`)
  stopPostgres()
  // Made under a temporary name and renamed: an interrupted copy is never taken for a set-up database.
  const key = setUpDatabaseKey()
  mkdirSync(CACHE_DIR, { recursive: true })
  for (const old of readdirSync(CACHE_DIR)) rmSync(join(CACHE_DIR, old), { recursive: true, force: true })
  execFileSync("cp", ["-a", pgData, join(CACHE_DIR, `${key}.partial`)])
  renameSync(join(CACHE_DIR, `${key}.partial`), join(CACHE_DIR, key))
  log(`  kept in ${join(CACHE_DIR, key)} for the next runs`)
  startPostgres()
}

let shopBuild
/** `next build` unless storefront/.next was made from these sources (scripts/build.mjs --if-changed). */
function buildShopIfChanged() {
  shopBuild = spawn(process.execPath, [join(root, "scripts", "build.mjs"), "shop", "--if-changed"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", process.env.FAULTS_VERBOSE ? "inherit" : "ignore", "inherit"],
  })
  return new Promise((resolve, reject) =>
    shopBuild.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the shop's build exited with ${code}`))))
  )
}

async function setUp() {
  if (asRoot) execFileSync("chown", ["postgres", tmp])
  chmodSync(tmp, 0o755)
  log(`throwaway PostgreSQL on ${PG_PORT} and Redis on ${REDIS_PORT} in ${tmp}`)
  startRedis()
  // The shop's build needs no database: when it must be made (sources changed, or none yet), it is made while the
  // database is set up rather than after the backend processes started.
  const shopBuilt = timed("set-up: shop build (alongside)", buildShopIfChanged)
  // Its failure is reported below; a database that fails first stops the run (tearDown stops the build).
  shopBuilt.catch(() => undefined)
  await timed("set-up: database", prepareDatabase)
  await shopBuilt

  // The store set-up's own key (bound to the shop's sales channel), not Medusa's default one.
  const key = sql("select token from api_key where title = 'Storefront' and type = 'publishable' and revoked_at is null and deleted_at is null")
  if (!key) throw new Error("the set-up database holds no publishable key")
  store = { key, regionId: "", products: [], buyable: [], current: new Set() }
  await timed("set-up: cluster start", async () => {
    log("starting the cluster (npm run start:cluster)")
    // The shops read the key from the environment before storefront/.env.local (Next's order).
    const started = startCluster("skip", "cluster ready", { MEDUSA_PUBLISHABLE_KEY: key })
    cluster = started.child
    await started.printed
    for (const [name, seconds] of started.steps()) timings.push([`  cluster: ${name}`, seconds])
    log("cluster ready")
  })

  await timed("set-up: probes", async () => {
    const { regions } = await call("GET", "/store/regions")
    store.regionId = regions[0].id
    const { products } = await call("GET", `/store/products?limit=100&fields=id,title,handle,variants.id`)
    store.products = products
      .filter((p) => p.variants?.length)
      .map((p) => ({ id: p.id, title: p.title, handle: p.handle, variantId: p.variants[0].id }))
    // Every buyer of the test may order as much as it likes: stock is not what is under test.
    sql("update inventory_level set stocked_quantity = 1000000")
    // One pass over the product pages, while the carts below are tried (the shop's tier, not the backend's carts):
    // the shop renders each once, then serves it from its cache.
    const warmed = Promise.all(
      store.products.map((p) =>
        fetch(`${SHOP}/vi/products/${p.handle}`, { signal: AbortSignal.timeout(60_000) })
          .then((r) => r.arrayBuffer())
          .catch(() => undefined)
      )
    )
    // Showcase listings are not for sale: the carts use the products that can be added to one. The first cart
    // alone: Medusa creates the buyer's guest customer with it, and carts created at once for an e-mail that has
    // none yet race to create it (400 "Customer with email … already exists"); the others at once.
    const tryForSale = (product) =>
      addToCart(product).then(
        () => product,
        (error) => log(`  not for sale: ${product.handle} (${error.message.slice(0, 200)})`)
      )
    const [first, ...others] = store.products.slice(0, 8)
    const tried = [await tryForSale(first), ...(await Promise.all(others.map(tryForSale)))]
    store.buyable = tried.filter(Boolean)
    // Products whose certificate is current, read from the database: the shop's search lists only these (a lapsed
    // certificate keeps its page and its sale but leaves search; the demo list has two, certified in 2021).
    store.current = new Set(
      sql(`select l.product_id from product_product_ocop_certification l join certification c on c.id = l.certification_id
           where l.deleted_at is null and c.deleted_at is null and c.status = 'active' and (c.valid_until is null or c.valid_until > now())`)
        .split("\n")
        .filter(Boolean)
    )
    log(`${store.products.length} products, ${store.buyable.length} of the first 8 for sale, ${store.current.size} with a current certificate`)
    if (store.buyable.length === 0) throw new Error("no product can be added to a cart")
    await warmed
  })
}

/** A page of the shop through HAProxy's shop port, as a browser asks for it (with the buyer's cart cookie, if any). */
async function shopPage(path, cartId) {
  const response = await fetch(`${SHOP}${path}`, {
    headers: cartId ? { cookie: `ocop_cart=${cartId}` } : {},
    signal: AbortSignal.timeout(60_000),
  })
  const html = await response.text()
  if (!response.ok) throw new Error(`shop ${path} → ${response.status}`)
  return html
}

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;")

/**
 * A buyer's journey against the cluster: the search and product pages through the shop's HAProxy port, the cart
 * and checkout with the calls the shop makes (Medusa's js-sdk) through the backend's, and the shop's cart and order
 * pages showing what was bought.
 */
async function journey() {
  const { default: Medusa } = await import("@medusajs/js-sdk")
  const sdk = new Medusa({ baseUrl: API, publishableKey: store.key })
  // A product the shop's search lists: for sale, with a current certificate (the probes read which have one).
  const product = store.buyable.find((p) => store.current.has(p.id))
  if (!product) throw new Error("none of the products for sale has a current certificate: the journey has nothing to search for")
  const term = product.title.split(/\s+/).slice(0, 3).join(" ")
  const results = await shopPage(`/vi/search?q=${encodeURIComponent(term)}`)
  expect(results.includes(`/products/${product.handle}"`), `journey: the shop's search for "${term}" links to ${product.handle}`)
  const page = await shopPage(`/vi/products/${product.handle}`)
  expect(page.includes(escapeHtml(product.title)), `journey: the product page shows "${product.title}"`)

  const { cart } = await sdk.store.cart.create({
    region_id: store.regionId,
    email: "lan@example.vn",
    items: [{ variant_id: product.variantId, quantity: 2 }],
  })
  const cartPage = await shopPage("/vi/cart", cart.id)
  expect(cartPage.includes(escapeHtml(product.title)), `journey: the shop's cart page shows the product added`)
  await sdk.store.cart.update(cart.id, { shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
  const { cart: shipped } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
  await sdk.store.payment.initiatePaymentSession(shipped, { provider_id: "pp_system_default" })
  const completed = await sdk.store.cart.complete(cart.id)
  expect(completed.type === "order", `journey: the checkout answers an order (${completed.type})`)
  if (completed.type !== "order") return
  const orderPage = await shopPage(`/vi/orders/${completed.order.id}`)
  expect(
    orderPage.includes(`#${completed.order.display_id}<`) && orderPage.includes(escapeHtml(product.title)),
    `journey: the shop's order page shows order #${completed.order.display_id} with the product`
  )
}

/**
 * What one server changes, the other serves at once. Medusa's Caching Module keeps store answers in the shared Redis,
 * and the server that writes drops the entries its events touch (the event bus's interceptor; since session 15 not
 * again through the worker's queue, and a burst's events together: backend/src/lib/streamline-cache-invalidation.ts). A product list is
 * cached through server-1; a title changed in the database behind Medusa's back is not seen (the answer is the
 * cache's), then a title changed through server-2's admin API is, through server-1, within 2 s.
 */
async function cacheAcrossServers() {
  const product = store.products[0]
  const listTitle = async () => {
    const response = await fetch(`http://127.0.0.1:${API_PORT + 1}/store/products?handle=${product.handle}&fields=id,title`, {
      headers: { "x-publishable-api-key": store.key },
      signal: AbortSignal.timeout(10_000),
    })
    if (!response.ok) throw new Error(`server-1 /store/products → ${response.status}`)
    return (await response.json()).products[0]?.title
  }
  const original = await listTitle()
  expect(original === product.title, `cache: server-1 lists "${product.title}" (${original})`)
  sql(`update product set title = title || ' (SQL)' where id = '${product.id}'`)
  const cached = await listTitle()
  expect(cached === original, `cache: server-1 answers from the cache, not the database (${cached})`)
  const changed = `${product.title} (${process.pid})`
  const response = await fetch(`http://127.0.0.1:${API_PORT + 2}/admin/products/${product.id}`, {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify({ title: changed }),
    signal: AbortSignal.timeout(30_000),
  })
  if (!response.ok) throw new Error(`server-2 /admin/products/${product.id} → ${response.status}`)
  const changedAt = now()
  let seen = await listTitle()
  while (seen !== changed && now() - changedAt < 2000) {
    await sleep(50)
    seen = await listTitle()
  }
  expect(seen === changed, `cache: server-1 lists the title changed through server-2 within 2 s (${now() - changedAt} ms: "${seen}")`)
  const restored = await fetch(`http://127.0.0.1:${API_PORT + 2}/admin/products/${product.id}`, {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify({ title: product.title }),
    signal: AbortSignal.timeout(30_000),
  })
  if (!restored.ok) throw new Error(`server-2 /admin/products/${product.id} → ${restored.status}`)
}

// ---------------------------------------------------------------------------------------------------------------
// The load phase: the highest rate the cluster sustains

// Open loop: operations start at a fixed rate whatever the answers take. Closed-loop buyers (each waiting for its
// own answer before the next) lower the offered rate as the cluster slows and so hide its queue. The rate steps up
// by LOAD_STEP_FACTOR every LOAD_STEP_SECONDS from LOAD_START_RATE operations/s while the cluster keeps up (no error,
// no operation left running LOAD_DRAIN_MS after the step's last arrival: those are abandoned, so an overloaded step
// does not spill into the next) and LOAD_SECONDS last. A step holds the target when, besides, its requests' p95 is
// under 300 ms. Both rates are printed: the highest that holds the target and the highest kept up with.
const LOAD_START_RATE = Number(process.env.LOAD_START_RATE ?? 2)
const LOAD_STEP_FACTOR = Number(process.env.LOAD_STEP_FACTOR ?? 1.5)
const LOAD_STEP_SECONDS = Number(process.env.LOAD_STEP_SECONDS ?? 15)
const LOAD_DRAIN_MS = Number(process.env.LOAD_DRAIN_MS ?? 30_000)
const LOAD_P95_MS = 300
// Reported, and a check only when set: the shared 2-core machines do not reach the issue's 100 requests/s.
const LOAD_MIN_RPS = process.env.LOAD_MIN_RPS ? Number(process.env.LOAD_MIN_RPS) : undefined
const ABANDONED = "abandoned at the end of its step"

/**
 * CPU seconds (user + system) a process and its descendants used so far, from /proc; descendants that exited count
 * through their parent's cutime/cstime (PostgreSQL's closed connections would otherwise take their CPU along).
 */
function cpuSeconds(pid) {
  let total = 0
  const visit = (p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ")
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100 // USER_HZ
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim()
      for (const child of children ? children.split(/\s+/) : []) visit(child)
    } catch {
      // gone
    }
  }
  visit(pid)
  return total
}

/** CPU seconds so far of every process of the cluster, PostgreSQL, Redis and this load generator; and the machine's. */
function cpuSnapshot() {
  const postmaster = Number(readFileSync(join(pgData, "postmaster.pid"), "utf8").split("\n")[0])
  const own = process.cpuUsage()
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number)
  return {
    processes: {
      ...Object.fromEntries(Object.entries(pids()).map(([name, pid]) => [name, cpuSeconds(pid)])),
      postgres: cpuSeconds(postmaster),
      redis: cpuSeconds(redis.pid),
      "load generator": (own.user + own.system) / 1e6,
    },
    // Every process on the machine, the other sessions' included: busy = all but idle and iowait.
    machineBusy: (ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4]) / 100,
  }
}

/** Products that can be bought (a priced variant in the region): buyers spread over all of them, as real ones do. */
async function listBuyableProducts() {
  const { products } = await call(
    "GET",
    `/store/products?limit=100&region_id=${store.regionId}&fields=id,handle,variants.id,variants.calculated_price`
  )
  const priced = products.filter((p) => p.variants?.[0]?.calculated_price).map((p) => ({ id: p.id, handle: p.handle, variantId: p.variants[0].id }))
  return priced.length ? priced : store.buyable
}

/** Starts operations at `rate` per second for `seconds`, then waits for them (LOAD_DRAIN_MS at most). */
async function runStep(rate, seconds, operations) {
  const requests = []
  const results = []
  const abandon = new AbortController()
  requestSink = requests
  requestSignal = abandon.signal
  const cpuBefore = cpuSnapshot()
  const startedAt = now()
  const running = new Set()
  const total = Math.max(1, Math.round(rate * seconds))
  for (let i = 0; i < total; i++) {
    const wait = startedAt + (i * 1000) / rate - now()
    if (wait > 0) await sleep(wait)
    const op = chooseOperation(operations)
    const at = now()
    const done = op
      .run()
      .then(
        () => results.push({ op: op.name, at, ms: now() - at, ok: true }),
        (error) => results.push({ op: op.name, at, ms: now() - at, ok: false, error: abandon.signal.aborted ? ABANDONED : error.message })
      )
      .finally(() => running.delete(done))
    running.add(done)
  }
  const drained = await Promise.race([Promise.all(running).then(() => true), sleep(LOAD_DRAIN_MS).then(() => false)])
  const left = running.size
  abandon.abort()
  await Promise.all(running)
  requestSink = undefined
  requestSignal = undefined
  const elapsed = (now() - startedAt) / 1000
  const cpuAfter = cpuSnapshot()
  const cpu = Object.fromEntries(Object.entries(cpuAfter.processes).map(([name, s]) => [name, s - (cpuBefore.processes[name] ?? 0)]))
  const ms = requests.map((r) => r.ms).sort((a, b) => a - b)
  const errors = results.filter((r) => !r.ok && r.error !== ABANDONED)
  const p95 = percentile(ms, 95)
  return {
    rate,
    seconds,
    elapsed,
    requests,
    results,
    errors,
    left,
    cpu,
    machineBusy: cpuAfter.machineBusy - cpuBefore.machineBusy,
    p95,
    keptUp: drained && errors.length === 0,
    held: drained && errors.length === 0 && p95 < LOAD_P95_MS,
  }
}

function printStep(step) {
  const ms = step.requests.map((r) => r.ms).sort((a, b) => a - b)
  const done = step.results.filter((r) => r.ok).length
  log(
    `  step ${step.rate.toFixed(1)} operations/s offered for ${step.seconds} s: ${(done / step.seconds).toFixed(1)} operations/s and ${(step.requests.length / step.seconds).toFixed(1)} requests/s done; ` +
      `requests p50 ${percentile(ms, 50)} ms p95 ${step.p95} ms p99 ${percentile(ms, 99)} ms; errors ${step.errors.length}; ` +
      `${step.left ? `${step.left} operations still running ${LOAD_DRAIN_MS / 1000} s after the last arrival (abandoned); ` : ""}${step.held ? `p95 < ${LOAD_P95_MS} ms held` : step.keptUp ? "kept up, p95 over the target" : "not kept up"}`
  )
  for (const op of OPERATIONS) {
    const rows = step.results.filter((r) => r.op === op.name && r.ok)
    const t = rows.map((r) => r.ms).sort((a, b) => a - b)
    log(
      `    ${op.name.padEnd(12)} ${String(rows.length).padStart(4)} done  p50 ${percentile(t, 50)} ms  p95 ${percentile(t, 95)} ms  p99 ${percentile(t, 99)} ms`
    )
  }
  const writes = step.requests
    .filter((r) => r.write)
    .map((r) => r.ms)
    .sort((a, b) => a - b)
  log(`    cart writes (POST) ${writes.length} requests: p50 ${percentile(writes, 50)} ms, p95 ${percentile(writes, 95)} ms`)
  const cores = Object.entries(step.cpu).map(([name, s]) => `${name} ${(s / step.elapsed).toFixed(2)}`)
  const ours = Object.values(step.cpu).reduce((a, b) => a + b, 0)
  log(
    `    CPU (cores): ${cores.join(", ")}; ours ${(ours / step.elapsed).toFixed(2)}, the whole machine ${(step.machineBusy / step.elapsed).toFixed(2)} of ${cpus().length}; ` +
      `${step.requests.length ? Math.round((ours * 1000) / step.requests.length) : 0} ms of CPU per request`
  )
  for (const e of [...new Set(step.errors.map((r) => r.error))].slice(0, 3)) log(`    error: ${e}`)
}

async function loadPhase() {
  const buyable = await listBuyableProducts()
  const operations = OPERATIONS.map((op) =>
    op.name === "add to cart"
      ? { ...op, run: () => addToCart(pick(buyable)) }
      : op.name === "checkout"
        ? { ...op, run: () => checkout(pick(buyable)) }
        : op
  )
  log(
    `load: open loop from ${LOAD_START_RATE} operations/s, ×${LOAD_STEP_FACTOR} every ${LOAD_STEP_SECONDS} s for at most ${LOAD_SECONDS} s ` +
      `(search 50 %, product page 30 %, add to cart 15 % = 1 request, checkout 5 % = 7 requests; carts over ${buyable.length} products)`
  )
  const steps = []
  let rate = LOAD_START_RATE
  let spent = 0
  while (spent + LOAD_STEP_SECONDS <= LOAD_SECONDS) {
    const step = await runStep(rate, LOAD_STEP_SECONDS, operations)
    steps.push(step)
    spent += step.elapsed
    printStep(step)
    if (!step.keptUp) break
    rate *= LOAD_STEP_FACTOR
  }
  printRss()
  const describe = (step) => {
    const ms = step.requests.map((r) => r.ms).sort((a, b) => a - b)
    return (
      `${(step.requests.length / step.seconds).toFixed(1)} requests/s (${(step.results.length / step.seconds).toFixed(1)} operations/s), ` +
      `p50 ${percentile(ms, 50)} ms p95 ${step.p95} ms p99 ${percentile(ms, 99)} ms`
    )
  }
  const best = steps.filter((s) => s.held).at(-1)
  const fastest = steps.filter((s) => s.keptUp).at(-1)
  log(
    best
      ? `  highest rate holding p95 < ${LOAD_P95_MS} ms: ${describe(best)}`
      : `  no rate held p95 < ${LOAD_P95_MS} ms (the lowest step: ${describe(steps[0])})`
  )
  log(fastest ? `  highest rate kept up with: ${describe(fastest)}` : "  not even the lowest rate was kept up with")
  // A step past what the cluster keeps up with may fail requests (a queue that long is not a rate anyone runs at);
  // at every other rate, and at the lowest in any case, an error fails the phase.
  const counted = steps.filter((s, i) => i === 0 || s.left === 0)
  const errors = counted.flatMap((s) => s.errors)
  expect(errors.length === 0, `load: 0 errors (${errors.length} of ${counted.reduce((n, s) => n + s.results.length, 0)} operations)`)
  if (LOAD_MIN_RPS !== undefined) {
    const rps = best ? best.requests.length / best.seconds : 0
    expect(rps >= LOAD_MIN_RPS, `load: at least ${LOAD_MIN_RPS} requests/s with p95 < ${LOAD_P95_MS} ms (${rps.toFixed(1)})`)
  }
}

async function killServer() {
  log("fault: kill -9 server-1 under load")
  const load = startLoad(4)
  await sleep(3000)
  const victim = pids()["server-1"]
  const killedAt = now()
  process.kill(victim, "SIGKILL")
  await sleep(15_000)
  const down = await haproxyStatus()
  expect(down["server-1"] !== "UP" || pids()["server-1"] !== victim, `HAProxy took server-1 out (${down["server-1"]})`)
  await waitUntil("server-1 back in HAProxy", async () => (await haproxyStatus())["server-1"] === "UP", 120_000)
  const rejoined = now()
  await sleep(3000)
  const results = await load.stop()
  const late = results.filter((r) => !r.ok && r.at > killedAt + 10_000)
  summarise(results, (now() - killedAt + 3000) / 1000)
  expect(late.length === 0, `kill -9 server: 0 errors from 10 s after the kill (${late.length}; ${results.filter((r) => !r.ok).length} in all)`)
  log(`  server-1 restarted and back in HAProxy ${Math.round((rejoined - killedAt) / 1000)} s after the kill`)
}

async function stopRedis() {
  log("fault: stop Redis under load")
  const before = pids()
  const load = startLoad(4)
  await sleep(2000)
  redis.kill("SIGTERM")
  await new Promise((r) => redis.on("exit", r))
  const asked = now()
  const answer = await fetch(`http://127.0.0.1:${API_PORT + 1}/health/ready`, { signal: AbortSignal.timeout(5000) }).catch((e) => ({
    status: e.name,
  }))
  const took = now() - asked
  expect(answer.status === 503 && took < 1000, `Redis down: readiness answers ${answer.status} in ${took} ms (503 within 1 s)`)
  const lb = now()
  const search = await fetch(`${API}/store/ocop/search?q=tr%C3%A0`, {
    headers: { "x-publishable-api-key": store.key },
    signal: AbortSignal.timeout(5000),
  }).catch((e) => ({ status: e.name }))
  log(`  a search through HAProxy while Redis is down: ${search.status} in ${now() - lb} ms`)
  await sleep(5000)
  startRedis()
  const back = await waitUntil("readiness after Redis returns", () => ok(`${API}/health/ready`), 60_000)
  log(`  ready again ${Math.round((back - asked) / 1000)} s after Redis stopped (5 s down)`)
  await sleep(10_000)
  const results = await load.stop()
  const after = results.filter((r) => !r.ok && r.at > back + 3000)
  summarise(results, (now() - asked) / 1000)
  expect(after.length === 0, `Redis back: 0 errors from 3 s after readiness (${after.length})`)
  const current = pids()
  expect(
    ["server-1", "server-2", "worker"].every((n) => current[n] === before[n]),
    "Redis outage: no backend process restarted"
  )
}

/** The search index's table (the newest version in the provider's catalogue). */
function indexTable() {
  return sql("select table_name from search_postgres_index order by created_at desc limit 1")
}

/** Published products, and search documents, counted; and the published products the index lacks. */
function indexState() {
  const table = indexTable()
  const published = Number(sql("select count(*) from product where deleted_at is null and status = 'published'"))
  const documents = Number(sql(`select count(*) from ${table}`))
  const missing = Number(
    sql(`select count(*) from product p where p.deleted_at is null and p.status = 'published'
          and not exists (select 1 from ${table} d where d.id = p.id)`)
  )
  const stray = Number(
    sql(`select count(*) from ${table} d where not exists
          (select 1 from product p where p.id = d.id and p.deleted_at is null and p.status = 'published')`)
  )
  return { published, documents, missing, stray }
}

/** Rows written twice by an import: products, certificates and links with the same identity more than once. */
function duplicates() {
  const count = (query) => Number(sql(`select count(*) from (${query}) d`))
  return {
    products: count(
      "select external_id from product where deleted_at is null and external_id like 'ocop:%' group by external_id having count(*) > 1"
    ),
    certificates: count(
      "select import_key, fingerprint from certification where deleted_at is null and import_key is not null group by 1, 2 having count(*) > 1"
    ),
    certificateLinks: count(
      "select product_id, certification_id from product_product_ocop_certification where deleted_at is null group by 1, 2 having count(*) > 1"
    ),
    producerLinks: count("select product_id from product_product_producer_producer where deleted_at is null group by 1 having count(*) > 1"),
  }
}

async function adminHeaders() {
  const { ensureLocalSecrets } = await import(pathToFileURL(join(root, "seed", "dist", "local-secrets.js")).href)
  const { secrets } = ensureLocalSecrets()
  const response = await fetch(`http://127.0.0.1:${API_PORT + 2}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: secrets.OCOP_ADMIN_EMAIL, password: secrets.OCOP_ADMIN_PASSWORD }),
  })
  const { token } = await response.json()
  if (!token) throw new Error(`admin login → ${response.status}`)
  return { authorization: `Bearer ${token}`, "content-type": "application/json" }
}

async function killWorkerDuringImport() {
  log(`fault: kill -9 the worker while it ingests a ${IMPORT_ROWS}-row import`)
  // The synthetic list the import tests use, parsed as the CLI sends it (@ocop/seed, built by start:cluster).
  const seed = createRequire(import.meta.url)(join(root, "seed", "dist", "index.js"))
  const file = seed.writeSyntheticCsv(join(tmp, "faults-list.csv"), seed.generateSyntheticRows(IMPORT_ROWS, 16))
  const { records } = await seed.parseCertificationBuffer(readFileSync(file), "faults-list.csv")
  const headers = await adminHeaders()
  const before = indexState()
  log(`  before: ${before.published} published products, ${before.documents} search documents`)
  const load = startLoad(4)
  const importStarted = now()
  // Straight to one server: a 2,000-row import outlasts HAProxy's 60 s server timeout on a loaded machine.
  const response = await fetch(`http://127.0.0.1:${API_PORT + 2}/admin/ocop/imports`, {
    method: "POST",
    headers,
    body: JSON.stringify({ records: records.map((r, i) => ({ ...r, source_row: i + 1 })), file_name: "faults-list.json" }),
    signal: AbortSignal.timeout(300_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`import → ${response.status} ${text.slice(0, 200)}`)
  const summary = JSON.parse(text)
  log(`  import answered in ${Math.round((now() - importStarted) / 1000)} s: created ${summary.created}, rejected ${summary.rejected}`)
  // The worker writes an import's documents 500 at a time (`ocop.catalog.imported` per chunk; until session 10 all
  // in one go, and a run that waited 20 s for the index to grow saw 0, then all 2,000): it is killed once they
  // start to appear or 5 s after the answer. In every run they had not
  // appeared by then, and the restarted worker wrote them (27–85 s after it was back).
  const ingesting = await waitUntil("ingestion", async () => indexState().documents > before.documents, 5_000).then(
    () => "after its first documents",
    () => "before any document was written"
  )
  const victim = pids().worker
  const mid = indexState()
  process.kill(victim, "SIGKILL")
  const killedAt = now()
  log(`  killed the worker ${ingesting} (${mid.documents - before.documents} of ${mid.published - before.published} new documents in)`)
  // Its restart and the index's catch-up are minutes of waiting: server-1's fault, on the other tier, runs meanwhile.
  const alongside = selected("kill-server")
    ? timed("kill-server (alongside)", killServer).catch((error) => expect(false, `kill-server: ${error.message}`))
    : undefined
  await waitUntil("the worker restarted", async () => pids().worker !== victim && (await ok(`http://127.0.0.1:${API_PORT + 3}/health`)), 180_000)
  log(`  worker back ${Math.round((now() - killedAt) / 1000)} s after the kill`)
  // The job the killed worker held is stalled; the new worker takes it again once its lock lapses.
  let state = indexState()
  const caughtUp = await waitUntil(
    "the index holds every published product",
    async () => {
      state = indexState()
      return state.missing === 0 && state.stray === 0
    },
    240_000
  ).catch((error) => {
    log(`  ${error.message}`)
    return null
  })
  if (caughtUp) log(`  index complete ${Math.round((caughtUp - killedAt) / 1000)} s after the kill`)
  await alongside
  const results = await load.stop()
  summarise(results, (now() - importStarted) / 1000)
  state = indexState()
  expect(
    state.documents === state.published && state.missing === 0 && state.stray === 0,
    `worker killed during ingestion: the index holds exactly the published products (${state.documents} documents, ${state.published} published, ${state.missing} missing, ${state.stray} not published)`
  )
  const twice = duplicates()
  expect(
    Object.values(twice).every((n) => n === 0),
    `worker killed during ingestion: nothing written twice (${JSON.stringify(twice)})`
  )
}

async function restartPostgres() {
  log("fault: restart PostgreSQL under load")
  const before = pids()
  const load = startLoad(4)
  await sleep(2000)
  const stoppedAt = now()
  stopPostgres()
  const during = await fetch(`http://127.0.0.1:${API_PORT + 1}/health/ready`, { signal: AbortSignal.timeout(5000) }).catch((e) => ({
    status: e.name,
  }))
  expect(during.status === 503, `PostgreSQL down: readiness answers ${during.status} (503)`)
  await sleep(3000)
  startPostgres()
  const back = await waitUntil("readiness after PostgreSQL returns", () => ok(`${API}/health/ready`), 60_000)
  log(`  ready again ${Math.round((back - stoppedAt) / 1000)} s after PostgreSQL stopped`)
  await sleep(10_000)
  const results = await load.stop()
  const after = results.filter((r) => !r.ok && r.at > back + 3000)
  summarise(results, (now() - stoppedAt) / 1000)
  expect(after.length === 0, `PostgreSQL back: 0 errors from 3 s after readiness (${after.length})`)
  const current = pids()
  expect(
    ["server-1", "server-2", "worker"].every((n) => current[n] === before[n]),
    "PostgreSQL restart: no backend process restarted"
  )
}

async function sigtermDuringCheckout() {
  log(`fault: SIGTERM server-2 during ${SIGTERM_CHECKOUTS} checkouts`)
  // This phase's carts are the ones created from here on (no other load runs now); the database's clock.
  const phaseStarted = sql("select now()")
  const attempts = Array.from({ length: SIGTERM_CHECKOUTS }, async (_, i) => {
    await sleep(i * 150)
    return checkout().then(
      (cartId) => ({ ok: true, cartId }),
      (error) => ({ ok: false, error: error.message })
    )
  })
  await sleep(700)
  process.kill(pids()["server-2"], "SIGTERM")
  const results = await Promise.all(attempts)
  const completed = results.filter((r) => r.ok)
  const answered = results.filter((r) => !r.ok && / → \d{3} /.test(r.error)).length
  log(`  ${completed.length} completed, ${answered} failed with an HTTP answer, ${results.length - completed.length - answered} without one`)
  for (const r of results.filter((x) => !x.ok).slice(0, 3)) log(`  failed: ${r.error}`)
  // Never half-written: every cart is either completed with exactly one order, or not completed with none. A graceful
  // stop lets a completion finish; a kill -9 earlier in the run (kill-server) may stop one between Medusa's steps
  // (order, then link and completed_at in parallel), which no process can compensate: those are counted, not checked.
  const halfWrittenSince = (phase) =>
    sql(
      `select coalesce(string_agg(c.id || ' (' || case when c.completed_at is null then 'ordered, not completed' else 'completed, no order' end || ')', ', '), '')
         from cart c left join order_cart oc on oc.cart_id = c.id and oc.deleted_at is null
        where (c.completed_at is not null) <> (oc.id is not null) and c.created_at ${phase} '${phaseStarted}'`
    )
      .split(", ")
      .filter(Boolean)
  const earlier = halfWrittenSince("<")
  log(
    `  carts left half-written by the earlier faults (kill -9 during a completion): ${earlier.length}${earlier.length ? `: ${earlier.join(", ")}` : ""}`
  )
  const halfWritten = halfWrittenSince(">=")
  const doubled = sql("select count(*) from (select cart_id from order_cart where deleted_at is null group by cart_id having count(*) > 1) d")
  expect(
    halfWritten.length === 0 && doubled === "0",
    `SIGTERM during checkout: no half-written cart (${halfWritten.length}${halfWritten.length ? `: ${halfWritten.join(", ")}` : ""}) and no cart ordered twice in the whole run (${doubled})`
  )
  for (const r of completed) {
    const orders = sql(`select count(*) from order_cart where cart_id = '${r.cartId}' and deleted_at is null`)
    if (orders !== "1") expect(false, `cart ${r.cartId} answered as ordered has ${orders} orders`)
  }
}

async function tearDown() {
  if (shopBuild?.exitCode === null) {
    try {
      process.kill(-shopBuild.pid, "SIGTERM")
    } catch {
      // gone
    }
  }
  if (cluster?.exitCode === null) {
    try {
      process.kill(-cluster.pid, "SIGTERM")
    } catch {
      // gone
    }
    await Promise.race([new Promise((r) => cluster.on("exit", r)), sleep(20_000)])
    try {
      process.kill(-cluster.pid, "SIGKILL")
    } catch {
      // gone
    }
  }
  redis?.kill("SIGKILL")
  try {
    stopPostgres()
  } catch {
    // not running
  }
  if (!process.env.FAULTS_KEEP) rmSync(tmp, { recursive: true, force: true })
}

const budget = setTimeout(async () => {
  log(`FAIL the run took longer than ${BUDGET_MS / 1000} s`)
  overBudget = true
  printTimings()
  await tearDown()
  process.exit(1)
}, BUDGET_MS)

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await tearDown()
    process.exit(1)
  })
}

const only = process.env.FAULTS?.split(",")
const selected = (name) => !only || only.includes(name)

// Each phase's own limit (seconds): one that hangs fails by name, its load is stopped, and the next one runs.
const PHASES = [
  ["load", loadPhase, LOAD_SECONDS + 90],
  ["journey", journey, 180],
  ["cache", cacheAcrossServers, 60],
  // kill-server runs during kill-worker's recovery when both are chosen (within kill-worker's limit).
  ["kill-worker", killWorkerDuringImport, 480],
  ["kill-server", killServer, 240],
  ["stop-redis", stopRedis, 120],
  ["restart-postgres", restartPostgres, 120],
  ["sigterm-checkout", sigtermDuringCheckout, 180],
]

try {
  if (!existsSync(join(PG_BIN, "initdb"))) throw new Error(`no PostgreSQL binaries in ${PG_BIN} (set PG_BIN)`)
  await setUp()
  for (const [name, phase, limitS] of PHASES) {
    if (!selected(name) || (name === "kill-server" && selected("kill-worker"))) continue
    let timer
    const overtime = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not finished within ${limitS} s`)), limitS * 1000)
    })
    await timed(name, () => Promise.race([phase(), overtime]))
      .catch(async (error) => {
        expect(false, `${name}: ${error.message}`)
        await stopLoads()
      })
      .finally(() => clearTimeout(timer))
  }
} catch (error) {
  expect(false, error.message)
}
clearTimeout(budget)
await tearDown()
printTimings()
log(failures.length ? `${failures.length} check(s) failed:\n  ${failures.join("\n  ")}` : "every check held")
process.exit(failures.length ? 1 : 0)
