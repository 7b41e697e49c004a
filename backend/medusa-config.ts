import { ContainerRegistrationKeys, defineConfig, Modules } from "@medusajs/framework/utils"
import { bufferIdRandomness } from "./src/lib/buffer-id-randomness"
import { readConfig } from "./src/lib/config"
import { streamlineCacheInvalidation } from "./src/lib/streamline-cache-invalidation"

// Before any module loads: every id Medusa generates takes its randomness from a buffer (src/lib/buffer-id-randomness.ts).
bufferIdRandomness()
// The Caching Module's invalidation runs once per event, as an interceptor, not again as a job of every event, and
// once per burst of events (src/lib/streamline-cache-invalidation.ts).
streamlineCacheInvalidation()

// Every environment variable is read and validated in src/lib/config.ts; a missing secret stops the start there.
const env = readConfig()

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
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: env.redisUrl } }],
        },
      },
    ]
  : []

// Medusa's Caching Module (behind its `caching` feature flag in 2.21): without it every store request looks its
// publishable key up with two SQL queries, about 4.5 ms of the backend's CPU (an empty store route: 226 → 919
// requests/s here); cart, region and price reads use it too. Entries are dropped on the events that change them.
// In memory for one process; in Redis when REDIS_URL is set, so every instance drops the same entries.
// MEDUSA_FF_CACHING=false turns it off.
const cachingEnabled = env.cachingEnabled
const cachingModule = {
  key: Modules.CACHING,
  resolve: "@medusajs/medusa/caching",
  options: env.redisUrl
    ? { providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: env.redisUrl } }] }
    : { in_memory: { enable: true } },
}

// Search: PostgreSQL (Vietnamese text configuration from the provider's migrations, search/src/postgres) unless a Meilisearch
// server is configured, in which case Meilisearch serves queries and PostgreSQL stays registered.
const meilisearch = env.meilisearch
const searchModule = {
  key: Modules.SEARCH,
  resolve: "@medusajs/medusa/search",
  options: {
    providers: [
      // Our PostgreSQL provider (search/src/postgres): Medusa's table layout, a faceted search in one statement.
      {
        resolve: "@ocop/search/postgres",
        id: "postgres",
        options: { language: "simple", max_scanned_matches: env.searchMaxScannedMatches },
      },
      ...(meilisearch ? [{ resolve: "@ocop/search/meilisearch", id: "meilisearch", options: meilisearch }] : []),
    ],
    default_provider: meilisearch ? "meilisearch" : "ocop-postgres",
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
        options: { backend_url: env.fileUrl },
      },
    ],
  },
}

// E-mails (certificate expiry reminders) go through Medusa's Notification Module on the `email` channel: to an SMTP
// server when OCOP_EMAIL_PROVIDER=smtp, else to the log (the local provider). The module disables the other one.
const notificationModule = {
  key: Modules.NOTIFICATION,
  resolve: "@medusajs/medusa/notification",
  options: {
    providers: [
      env.smtp
        ? { resolve: "./src/modules/notification-smtp", id: "smtp", options: { channels: ["email"], url: env.smtp.url, from: env.smtp.from } }
        : { resolve: "@medusajs/medusa/notification-local", id: env.emailProvider, options: { channels: ["email"] } },
    ],
  },
}

// Bank transfer by VietQR, offered only when its account and webhook secret are configured (OCOP_VIETQR_*).
// Medusa's own cash-on-delivery provider (pp_system_default) is always registered by the payment module.
const vietqr = env.vietqr
// VNPay's hosted payment page, offered only when its merchant code and hash secret are configured (OCOP_VNPAY_*).
const vnpay = env.vnpay
// Cards through Medusa's own Stripe provider (pp_stripe_stripe), offered only when STRIPE_API_KEY and
// STRIPE_WEBHOOK_SECRET are set; money is taken when the buyer confirms (automatic capture).
const stripe = env.stripe
const paymentProviders = [
  ...(vietqr
    ? [
        {
          resolve: "./src/modules/payment-vietqr",
          id: "vietqr",
          options: { bankBin: vietqr.bankBin, accountNumber: vietqr.accountNumber, accountName: vietqr.accountName },
        },
      ]
    : []),
  ...(vnpay
    ? [
        {
          resolve: "./src/modules/payment-vnpay",
          id: "vnpay",
          options: { tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, host: vnpay.host, returnUrl: vnpay.returnUrl },
        },
      ]
    : []),
  ...(stripe
    ? [
        {
          resolve: "./src/modules/payment-stripe",
          id: "stripe",
          options: {
            apiKey: stripe.apiKey,
            webhookSecret: stripe.webhookSecret,
            apiBase: stripe.apiBase,
            capture: true,
            automaticPaymentMethods: true,
          },
        },
      ]
    : []),
]
const paymentModules = paymentProviders.length
  ? [{ key: Modules.PAYMENT, resolve: "@medusajs/medusa/payment", options: { providers: paymentProviders } }]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.databaseUrl,
    redisUrl: env.redisUrl,
    // Scale-out (scripts/start-cluster.mjs): server processes answer HTTP, one worker process handles events,
    // scheduled jobs and the search index; one process alone stays "shared".
    workerMode: env.workerMode,
    http: {
      storeCors: env.storeCors,
      adminCors: env.adminCors,
      authCors: env.authCors,
      jwtSecret: env.jwtSecret,
      cookieSecret: env.cookieSecret,
    },
    // `Secure` follows the scheme of the public address (OCOP_PUBLIC_URL), not NODE_ENV: `medusa start` on
    // http://localhost must still keep its admin session, an https deployment never sends it in clear.
    cookieOptions: { secure: env.secureCookies, sameSite: "lax" },
  },
  featureFlags: { caching: cachingEnabled },
  admin: {
    disable: env.adminDisabled,
    backendUrl: env.adminBackendUrl,
  },
  modules: [
    { resolve: "./src/modules/ocop" },
    { resolve: "./src/modules/producer" },
    { resolve: "./src/modules/curator" },
    { resolve: "./src/modules/ocop-import" },
    { resolve: "./src/modules/featured" },
    { resolve: "./src/modules/bank-transfer" },
    { resolve: "./src/modules/traceability" },
    ...paymentModules,
    searchModule,
    // The store's search (query building, re-rank, typo correction, answer cache) over Medusa's Search Module.
    {
      resolve: "./src/modules/ocop-search",
      dependencies: [Modules.SEARCH, ContainerRegistrationKeys.QUERY],
      options: { cacheEnabled: env.searchCache.enabled, cacheTtlMs: env.searchCache.ttlMs },
    },
    fileModule,
    notificationModule,
    // Delivery priced per producer part (issue 15 point 3, docs/shipping.md): a calculated option on our provider;
    // Medusa's manual provider stays for the flat options. The provider reads products' producers through Query.
    {
      key: Modules.FULFILLMENT,
      resolve: "@medusajs/medusa/fulfillment",
      dependencies: [ContainerRegistrationKeys.QUERY],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/modules/fulfillment-producer", id: "ocop", options: { defaults: env.shippingDefaults } },
        ],
      },
    },
    ...(cachingEnabled ? [cachingModule] : []),
    ...redisModules,
  ],
})
