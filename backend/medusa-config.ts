import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Local defaults keep `npm start` working with nothing configured; production sets every one of these.
const env = {
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
  storeCors: process.env.STORE_CORS ?? "http://localhost:8000,http://127.0.0.1:8000",
  adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173",
  authCors:
    process.env.AUTH_CORS ??
    "http://localhost:8000,http://127.0.0.1:8000,http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173",
  jwtSecret: process.env.JWT_SECRET ?? "local-dev-jwt-secret",
  cookieSecret: process.env.COOKIE_SECRET ?? "local-dev-cookie-secret",
  // Browsers drop Secure cookies on plain http; only local runs over http turn this off.
  secureCookies: (process.env.COOKIE_SECURE ?? (process.env.NODE_ENV === "production" ? "true" : "false")) === "true",
}

const redisModules = env.redisUrl
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: env.redisUrl } },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: env.redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: env.redisUrl } },
          ],
        },
      },
    ]
  : []

// Medusa's Caching Module (behind its `caching` feature flag in 2.21): without it every store request looks its
// publishable key up with two SQL queries, about 4.5 ms of the backend's CPU (an empty store route: 226 → 919
// requests/s here); cart, region and price reads use it too. Entries are dropped on the events that change them.
// In memory for one process; in Redis when REDIS_URL is set, so every instance drops the same entries.
// MEDUSA_FF_CACHING=false turns it off.
const cachingEnabled = process.env.MEDUSA_FF_CACHING !== "false"
const cachingModule = {
  key: Modules.CACHING,
  resolve: "@medusajs/medusa/caching",
  options: env.redisUrl
    ? { providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: env.redisUrl } }] }
    : { in_memory: { enable: true } },
}

// Search: PostgreSQL (Vietnamese text configuration from the ocop module's migrations) unless a Meilisearch
// server is configured, in which case Meilisearch serves queries and PostgreSQL stays registered.
const meilisearchHost = process.env.MEILISEARCH_HOST
const searchModule = {
  key: Modules.SEARCH,
  resolve: "@medusajs/medusa/search",
  options: {
    providers: [
      // Medusa's PostgreSQL provider answering a faceted search in one statement (search/src/postgres).
      { resolve: "@ocop/search/postgres", id: "postgres", options: { language: "simple" } },
      ...(meilisearchHost
        ? [
            {
              resolve: "@ocop/search/meilisearch",
              id: "meilisearch",
              options: { host: meilisearchHost, apiKey: process.env.MEILISEARCH_API_KEY },
            },
          ]
        : []),
    ],
    default_provider: meilisearchHost ? "meilisearch" : "ocop-postgres",
    // Documents written per provider call while (re)building an index (Medusa's default is 100).
    reindex: { batch_size: 500 },
  },
}

// Product photos are stored by the local file provider unless production configures S3; their URLs must name the
// port this backend really listens on (tests and benchmarks run it on others than 9000).
const fileModule = {
  key: Modules.FILE,
  resolve: "@medusajs/medusa/file",
  options: {
    providers: [
      {
        resolve: "@medusajs/medusa/file-local",
        id: "local",
        options: { backend_url: process.env.OCOP_FILE_URL ?? `http://localhost:${process.env.PORT ?? 9000}/static` },
      },
    ],
  },
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.databaseUrl,
    redisUrl: env.redisUrl,
    http: {
      storeCors: env.storeCors,
      adminCors: env.adminCors,
      authCors: env.authCors,
      jwtSecret: env.jwtSecret,
      cookieSecret: env.cookieSecret,
    },
    cookieOptions: { secure: env.secureCookies, sameSite: "lax" },
  },
  featureFlags: { caching: cachingEnabled },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL ?? "/",
  },
  modules: [
    { resolve: "./src/modules/ocop" },
    { resolve: "./src/modules/producer" },
    { resolve: "./src/modules/ocop-import" },
    { resolve: "./src/modules/vn-places" },
    searchModule,
    fileModule,
    ...(cachingEnabled ? [cachingModule] : []),
    ...redisModules,
  ],
})
