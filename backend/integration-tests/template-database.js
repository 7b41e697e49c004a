// The databases of one `jest` run of the HTTP specs. One migrated template (built with Medusa's own CLI, `medusa
// db:migrate`) is copied for every spec file instead of migrating ~200 Medusa migrations per file (about 45 % of a
// file's time). Every database of the run is named with the run's prefix and dropped when the run ends.
const { execFileSync } = require("node:child_process")
const { randomBytes } = require("node:crypto")
const { Client } = require("pg")

const SERVER = {
  host: process.env.DB_HOST ?? "localhost",
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USERNAME ?? "postgres",
  password: process.env.DB_PASSWORD ?? "",
  database: "postgres",
}
// Set by the global setup, read by the jest workers (they inherit its environment).
const TEMPLATE_VARIABLE = "OCOP_TEST_TEMPLATE_DB"
const PREFIX_VARIABLE = "OCOP_TEST_DB_PREFIX"

async function withServer(run) {
  const client = new Client(SERVER)
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`

function databaseUrl(name) {
  const password = SERVER.password ? `:${encodeURIComponent(SERVER.password)}` : ""
  return `postgres://${SERVER.user}${password}@${SERVER.host}:${SERVER.port}/${name}`
}

async function createTemplateDatabase(cwd) {
  const prefix = `ocop_it_${randomBytes(4).toString("hex")}_`
  const name = `${prefix}template`
  await withServer((client) => client.query(`CREATE DATABASE ${quote(name)}`))
  process.env[PREFIX_VARIABLE] = prefix
  process.env[TEMPLATE_VARIABLE] = name
  const secrets = Object.fromEntries(
    ["JWT_SECRET", "COOKIE_SECRET", "OCOP_REVALIDATE_SECRET", "OCOP_FORWARDING_SECRET"].map((key) => [key, randomBytes(32).toString("hex")])
  )
  execFileSync("npx", ["medusa", "db:migrate", "--skip-scripts", "--execute-all-links", "--execute-all-search"], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    // In memory: the template is only migrated, nothing of the event bus or workflow engine is kept.
    env: { ...withoutRedis(process.env), ...secrets, DATABASE_URL: databaseUrl(name), LOG_LEVEL: "error" },
  })
  return name
}

function withoutRedis(env) {
  const { REDIS_URL: _redis, ...rest } = env
  return rest
}

/** A new database name of this run (dropped with the run), or null when no template was made (another jest config). */
function newDatabaseName() {
  const prefix = process.env[PREFIX_VARIABLE]
  return prefix ? `${prefix}${randomBytes(6).toString("hex")}` : null
}

/** Runs `statement` until no session of the database is left to refuse it (55006): a copy of the same template is
 * being made this instant, or a session just told to end has not yet. */
async function retryWhileInUse(client, statement) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.query(statement)
    } catch (error) {
      if (error.code !== "55006" || attempt === 40) throw error
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt))
    }
  }
}

/** Copies the run's migrated template into `name` (a spec file's own database); several workers may copy at once. */
async function cloneTemplateDatabase(name) {
  await withServer((client) => retryWhileInUse(client, `CREATE DATABASE ${quote(name)} TEMPLATE ${quote(process.env[TEMPLATE_VARIABLE])}`))
}

/** Closes `name` to new sessions and ends the open ones (the app's pool reconnects once the database is back). */
async function closeDatabase(client, name) {
  await client.query(`ALTER DATABASE ${quote(name)} WITH ALLOW_CONNECTIONS false`)
  await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])
}

/** Copies `name` as it is now into `snapshot`: the state every later test of a spec file starts from. */
async function snapshotDatabase(name, snapshot) {
  await withServer(async (client) => {
    await closeDatabase(client, name)
    try {
      await retryWhileInUse(client, `CREATE DATABASE ${quote(snapshot)} TEMPLATE ${quote(name)}`)
    } finally {
      await client.query(`ALTER DATABASE ${quote(name)} WITH ALLOW_CONNECTIONS true`)
    }
  })
}

/**
 * Puts `name` back to `snapshot` before a test. Medusa's runner drops the database and copies the snapshot, but on
 * PostgreSQL 15 every DROP DATABASE forces a checkpoint of the whole server: 1.6–4.7 s a restore here while other
 * work writes, against 0.4–0.6 s for this rename and copy. The used copy keeps the run's prefix and is dropped with
 * the run, when nothing else writes.
 */
async function restoreDatabase(name, snapshot, used) {
  await withServer(async (client) => {
    await closeDatabase(client, name)
    await retryWhileInUse(client, `ALTER DATABASE ${quote(name)} RENAME TO ${quote(used)}`)
    await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(snapshot)}`)
  })
}

/** Drops every database of the run (the template last: the others were copied from it). */
async function dropRunDatabases() {
  const prefix = process.env[PREFIX_VARIABLE]
  if (!prefix) return
  await withServer(async (client) => {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname = $2, datname", [
      prefix,
      process.env[TEMPLATE_VARIABLE],
    ])
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE ${quote(datname)} WITH ALLOW_CONNECTIONS false`)
      await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [datname])
      await retryWhileInUse(client, `DROP DATABASE IF EXISTS ${quote(datname)}`)
    }
  })
}

module.exports = { createTemplateDatabase, newDatabaseName, cloneTemplateDatabase, snapshotDatabase, restoreDatabase, dropRunDatabases }
