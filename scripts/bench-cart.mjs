#!/usr/bin/env node
// `npm run bench:cart`: where a cart write's time and CPU go, with the Redis modules of the scale-out topology and
// without them, side by side in one run. On a copy of the fault tests' set-up database (`npm run test:faults`
// prepares it in FAULTS_DB_CACHE) with a throwaway PostgreSQL (pg_stat_statements loaded) and Redis, it starts:
//   memory: one backend process in shared mode with Medusa's in-memory event bus, workflow engine, locking, cache;
//   redis:  one backend server (MEDUSA_WORKER_MODE=server) with the Redis modules, beside a worker;
// then times, one connection at a time and alternating memory/redis, every call of an add to cart and of a checkout,
// each as the shop made it before (an empty cart then its line, whole carts answered) and as it makes it now (the cart
// created with its line in one call, writes answered with the id alone; and the one call answered in full), and
// prints per call p50/p95, and per operation the CPU the backend process, the worker and PostgreSQL used,
// PostgreSQL statements and Redis commands.
// BENCH_ROUNDS (default 3) × BENCH_OPS (default 5) operations of each kind per target; BENCH_CPU_PROF=<dir> writes
// a CPU profile of each backend process there (`node --cpu-prof`, written when it stops).
import { execFileSync, spawn } from "node:child_process"
import { readdirSync, readFileSync, mkdtempSync, rmSync, chmodSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { performance } from "node:perf_hooks"
import { backendBuildDir, medusaBin, root, waitForHttp } from "./lib/stack.mjs"

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin"
const BASE = Number(process.env.BENCH_BASE_PORT ?? 9760)
const PG_PORT = BASE
const REDIS_PORT = BASE + 1
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const OPS = Number(process.env.BENCH_OPS ?? 5)
const CACHE_DIR = process.env.FAULTS_DB_CACHE ?? join(root, ".data", "faults-db")
const PROFILE_DIR = process.env.BENCH_CPU_PROF
const asRoot = process.getuid?.() === 0
const tmp = mkdtempSync(join(tmpdir(), "ocop-bench-cart-"))
const children = []

function pg(name, args) {
  const command = join(PG_BIN, name)
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args]
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
}
const sql = (query) => pg("psql", ["-h", "127.0.0.1", "-p", String(PG_PORT), "-U", "postgres", "-d", "ocop", "-tAc", query]).trim()
const redisCli = (...args) => execFileSync("redis-cli", ["-p", String(REDIS_PORT), ...args], { encoding: "utf8" })

/** CPU seconds (user + system) of a process and its descendants, from /proc; exited ones count in their parent's cutime/cstime. */
function cpuOf(pid) {
  const tick = 100 // USER_HZ on Linux
  let total = 0
  const visit = (p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ")
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick
      for (const child of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(child)
    } catch {
      // gone
    }
  }
  visit(pid)
  return total
}
const postmasterPid = () => Number(readFileSync(join(tmp, "pg", "postmaster.pid"), "utf8").split("\n")[0])

/** Commands Redis answered so far (INFO commandstats, summed). */
function redisCommands() {
  return [...redisCli("info", "commandstats").matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0)
}
const pgStatements = () =>
  Number(sql("select coalesce(sum(calls), 0) from pg_stat_statements where dbid = (select oid from pg_database where datname = 'ocop')"))

function startBackend(name, port, extraEnv) {
  // `node --cpu-prof` is refused in NODE_OPTIONS: the CLI runs under this node with the flags.
  const args = [...(PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : []), medusaBin, "start"]
  const child = spawn(process.execPath, args, {
    cwd: backendBuildDir,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...secrets,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${PG_PORT}/ocop`,
      PORT: String(port),
      OCOP_STOREFRONT_URL: "",
      LOG_LEVEL: "error",
      MALLOC_ARENA_MAX: "2",
      ...extraEnv,
    },
  })
  children.push(child)
  return { name, port, child, url: `http://127.0.0.1:${port}` }
}

async function stopEverything() {
  // The backends first: Redis stopped under them fills the log with reconnection errors while they write profiles.
  const [redisServer, ...backends] = children
  for (const group of [backends, [redisServer]]) await stopProcesses(group)
  try {
    pg("pg_ctl", ["-D", join(tmp, "pg"), "-m", "fast", "-w", "stop"])
  } catch {
    // not running
  }
  rmSync(tmp, { recursive: true, force: true })
}

async function stopProcesses(processes) {
  await Promise.all(
    processes.filter(Boolean).map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.on("exit", resolve)
          try {
            process.kill(-child.pid, "SIGTERM")
          } catch {
            resolve()
          }
          setTimeout(() => {
            try {
              process.kill(-child.pid, "SIGKILL")
            } catch {
              // gone
            }
            resolve()
          }, 20_000)
        })
    )
  )
}

// ---------------------------------------------------------------------------------------------------------------

const cached = readdirSync(CACHE_DIR).filter((d) => !d.endsWith(".partial"))[0]
if (!cached) throw new Error(`no set-up database in ${CACHE_DIR}: run \`npm run test:faults\` once`)
if (asRoot) execFileSync("chown", ["postgres", tmp])
chmodSync(tmp, 0o755)
execFileSync("cp", ["-a", join(CACHE_DIR, cached), join(tmp, "pg")])
pg("pg_ctl", [
  "-D",
  join(tmp, "pg"),
  "-l",
  join(tmp, "pg.log"),
  "-w",
  "-o",
  `-p ${PG_PORT} -k ${tmp} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements`,
  "start",
])
sql("create extension if not exists pg_stat_statements")
children.push(
  spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
    detached: true,
  })
)
const { ensureLocalSecrets } = await import(pathToFileURL(join(root, "seed", "dist", "local-secrets.js")).href)
const secrets = ensureLocalSecrets().secrets
const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`

const targets = [
  startBackend("memory", BASE + 2, { MEDUSA_WORKER_MODE: "shared" }),
  startBackend("redis", BASE + 3, { MEDUSA_WORKER_MODE: "server", REDIS_URL: redisUrl }),
]
startBackend("worker", BASE + 4, { MEDUSA_WORKER_MODE: "worker", REDIS_URL: redisUrl })
process.on("SIGINT", async () => {
  await stopEverything()
  process.exit(1)
})

try {
  const startedAt = Date.now()
  await Promise.all([...targets, { url: `http://127.0.0.1:${BASE + 4}` }].map((t) => waitForHttp(`${t.url}/health`)))
  console.log(`backends up in ${Math.round((Date.now() - startedAt) / 1000)} s`)
  const key = sql("select token from api_key where title = 'Storefront' and type = 'publishable' and revoked_at is null and deleted_at is null")
  sql("update inventory_level set stocked_quantity = 1000000")

  const call = async (target, timings, label, method, path, body) => {
    const at = performance.now()
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers: { "x-publishable-api-key": key, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${target.name} ${method} ${path} → ${response.status} ${text.slice(0, 200)}`)
    ;(timings[label] ??= []).push(performance.now() - at)
    return JSON.parse(text)
  }

  const { regions } = await call(targets[0], {}, "regions", "GET", "/store/regions")
  const { products } = await call(
    targets[0],
    {},
    "products",
    "GET",
    `/store/products?limit=100&region_id=${regions[0].id}&fields=id,variants.id,variants.calculated_price`
  )
  // Buyers spread over every product for sale (a priced variant), as real buyers are.
  const buyable = products.filter((p) => p.variants?.[0]?.calculated_price).map((p) => p.variants[0].id)
  console.log(`${products.length} products, ${buyable.length} for sale`)
  const ADDRESS = {
    first_name: "Lan",
    last_name: "Nguyễn",
    address_1: "12 Phố Huế",
    city: "Phường Hai Bà Trưng",
    province: "Thành phố Hà Nội",
    country_code: "vn",
    phone: "0912345678",
  }
  let buyer = 0
  // Two ways of each: as the shop did (an empty cart, then its line; every write answered with the whole cart) and as
  // it does now (storefront/src/lib/actions: the cart created with its line in one call, writes answered with the
  // id alone, `?fields=id`, so Medusa does not refetch the cart with its totals after each write).
  const ID = "?fields=id"
  const addToCartEmptyThenLine = async (target, timings) => {
    const { cart } = await call(target, timings, "create cart", "POST", "/store/carts", { region_id: regions[0].id, email: "lan@example.vn" })
    await call(target, timings, "add line item", "POST", `/store/carts/${cart.id}/line-items`, {
      variant_id: buyable[buyer++ % buyable.length],
      quantity: 1,
    })
    return cart.id
  }
  const createWithLine = async (target, timings, query = "") => {
    const { cart } = await call(target, timings, `create cart with line${query ? " (id)" : ""}`, "POST", `/store/carts${query}`, {
      region_id: regions[0].id,
      email: "lan@example.vn",
      items: [{ variant_id: buyable[buyer++ % buyable.length], quantity: 1 }],
    })
    return cart.id
  }
  const checkout = async (target, timings, shop) => {
    const q = shop ? ID : ""
    const l = (label) => (shop ? `${label} (id)` : label)
    const cartId = shop ? await createWithLine(target, timings, ID) : await addToCartEmptyThenLine(target, timings)
    await call(target, timings, l("set addresses"), "POST", `/store/carts/${cartId}${q}`, { shipping_address: ADDRESS, billing_address: ADDRESS })
    const { shipping_options } = await call(target, timings, l("shipping options"), "GET", `/store/shipping-options?cart_id=${cartId}`)
    await call(target, timings, l("shipping method"), "POST", `/store/carts/${cartId}/shipping-methods${q}`, { option_id: shipping_options[0].id })
    const { payment_collection } = await call(target, timings, l("payment collection"), "POST", "/store/payment-collections", { cart_id: cartId })
    await call(target, timings, l("payment session"), "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
    const completed = await call(target, timings, l("complete"), "POST", `/store/carts/${cartId}/complete${q}`, {})
    if (completed.type !== "order") throw new Error(`${target.name}: checkout answered ${completed.type}`)
  }
  const search = (target, timings) => call(target, timings, "search", "GET", "/store/ocop/search?q=tr%C3%A0&limit=12")
  // The shop's cart reads (storefront/src/lib/data/cart.ts): the cart page's fields, with totals, and the lines alone
  // that its header count and actions read now; on a cart of 3 lines.
  const readCarts = new Map()
  const readCart = (label, fields) => async (target, timings) => {
    if (!readCarts.has(target.name)) {
      const cartId = await createWithLine(target, {}, ID)
      for (let i = 0; i < 2; i++) {
        await call(target, {}, "", "POST", `/store/carts/${cartId}/line-items${ID}`, { variant_id: buyable[buyer++ % buyable.length], quantity: 1 })
      }
      readCarts.set(target.name, cartId)
    }
    return call(target, timings, label, "GET", `/store/carts/${readCarts.get(target.name)}?fields=${encodeURIComponent(fields)}`)
  }
  const CART_PAGE_FIELDS =
    "id,email,currency_code,total,subtotal,shipping_total,item_total,region_id," +
    "*items,items.product_handle,items.thumbnail,*shipping_address,*shipping_methods,*payment_collection.payment_sessions"

  // The first cart alone (Medusa creates the guest customer with it), and one warm-up pass of each on both.
  for (const target of targets) {
    await checkout(target, {}, false)
    await checkout(target, {}, true)
    await search(target, {})
  }

  const kinds = {
    search,
    "cart read: the cart page's fields": readCart("cart read (page)", CART_PAGE_FIELDS),
    "cart read: lines alone (header count, actions)": readCart("cart read (lines)", "id,completed_at,items.id,items.quantity"),
    "add to cart: empty cart + line (before)": addToCartEmptyThenLine,
    "add to cart: cart with its line": (target, timings) => createWithLine(target, timings),
    "add to cart: cart with its line, id only (shop now)": (target, timings) => createWithLine(target, timings, ID),
    "checkout (before)": (target, timings) => checkout(target, timings, false),
    "checkout (shop now)": (target, timings) => checkout(target, timings, true),
  }
  const results = Object.fromEntries(targets.map((t) => [t.name, { timings: {}, usage: {} }]))
  const workerPid = children[children.length - 1].pid
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 ? [...targets].reverse() : targets) {
      for (const [kind, run] of Object.entries(kinds)) {
        const n = kind === "search" || kind.startsWith("cart read") ? OPS * 4 : OPS
        const before = {
          backend: cpuOf(target.child.pid),
          worker: cpuOf(workerPid),
          pg: cpuOf(postmasterPid()),
          statements: pgStatements(),
          redis: redisCommands(),
        }
        const wallAt = performance.now()
        for (let i = 0; i < n; i++) await run(target, results[target.name].timings)
        const wall = (performance.now() - wallAt) / 1000
        const after = {
          backend: cpuOf(target.child.pid),
          worker: cpuOf(workerPid),
          pg: cpuOf(postmasterPid()),
          statements: pgStatements(),
          redis: redisCommands(),
        }
        const usage = (results[target.name].usage[kind] ??= { n: 0, wall: 0, backend: 0, worker: 0, pg: 0, statements: 0, redis: 0 })
        usage.n += n
        usage.wall += wall
        for (const k of ["backend", "worker", "pg", "statements", "redis"]) usage[k] += after[k] - before[k]
        // The statistics queries themselves: 1 statement each side.
        usage.statements -= 1
      }
    }
  }

  const pct = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
  }
  console.log(`\none connection, ${ROUNDS} rounds alternating the targets; per call p50 / p95 (ms)`)
  const calls = [...new Set(targets.flatMap((t) => Object.keys(results[t.name].timings)))]
  console.log(`${"call".padEnd(28)} ${targets.map((t) => t.name.padStart(22)).join("")}`)
  for (const label of calls) {
    const cell = (t) => {
      const v = results[t.name].timings[label] ?? []
      return `${Math.round(pct(v, 50))} / ${Math.round(pct(v, 95))} (${v.length})`.padStart(22)
    }
    console.log(`${label.padEnd(28)} ${targets.map(cell).join("")}`)
  }
  console.log("\nper operation: wall ms, CPU ms of the backend process / the worker / PostgreSQL, PostgreSQL statements, Redis commands")
  // Each kind's variants one under the other, both targets side by side: before/after reads down the lines.
  for (const kind of Object.keys(kinds)) {
    for (const target of targets) {
      const u = results[target.name].usage[kind]
      const per = (v) => Math.round((v * 1000) / u.n)
      console.log(
        `${kind.padEnd(52)} ${target.name.padEnd(7)} wall ${per(u.wall)} ms  CPU backend ${per(u.backend)} ms, worker ${per(u.worker)} ms, PostgreSQL ${per(u.pg)} ms  statements ${Math.round(u.statements / u.n)}  Redis ${Math.round(u.redis / u.n)}`
      )
    }
  }
  const top = sql(
    `select calls || ' × ' || round(mean_exec_time::numeric, 2) || ' ms  ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
       from pg_stat_statements where dbid = (select oid from pg_database where datname = 'ocop') order by total_exec_time desc limit 8`
  )
  console.log(`\nPostgreSQL statements by total time (both targets, warm-up included):\n${top}`)
  // Which Redis commands (the redis target and the worker; the memory target uses none), and any slow one.
  const commands = [...redisCli("info", "commandstats").matchAll(/cmdstat_(\w+):calls=(\d+),usec=(\d+)/g)]
    .map(([, name, calls, usec]) => ({ name, calls: Number(calls), usec: Number(usec) }))
    .sort((a, b) => b.calls - a.calls)
    .slice(0, 8)
  console.log(`\nRedis commands by count: ${commands.map((c) => `${c.name} ${c.calls} (${(c.usec / c.calls).toFixed(1)} µs)`).join(", ")}`)
  console.log(`Redis SLOWLOG (over 10 ms): ${redisCli("slowlog", "len").trim()} entries`)
} finally {
  await stopEverything()
}
