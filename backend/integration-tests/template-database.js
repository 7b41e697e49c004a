// One migrated database per `jest` run, copied for every HTTP spec file instead of migrating ~200 Medusa migrations
// per file (about 45 % of a file's time). Built with Medusa's own CLI (`medusa db:migrate`), dropped at the end.
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
const TEMPLATE_VARIABLE = "OCOP_TEST_TEMPLATE_DB"

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
  const name = `ocop_it_template_${process.pid}_${Date.now()}`
  await withServer((client) => client.query(`CREATE DATABASE ${quote(name)}`))
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

/** Copies the run's migrated template into `name` (the spec's own database); several workers may copy at once. */
async function cloneTemplateDatabase(name) {
  const template = process.env[TEMPLATE_VARIABLE]
  if (!template) return false
  await withServer(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`)
        return
      } catch (error) {
        // 55006: another copy of the template is being made this instant; it lasts well under a second.
        if (error.code !== "55006" || attempt === 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt))
      }
    }
  })
  return true
}

async function dropTemplateDatabase() {
  const template = process.env[TEMPLATE_VARIABLE]
  if (!template) return
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`))
}

module.exports = { createTemplateDatabase, cloneTemplateDatabase, dropTemplateDatabase }
