import { randomBytes } from "node:crypto"
import { loadEnv, parseCorsOrigins } from "@medusajs/framework/utils"
import ipaddr from "ipaddr.js"
import { z } from "zod"

/**
 * The backend's configuration: read from the environment once, validated here, and used by medusa-config.ts and
 * the code below src/. Secrets have no defaults on purpose: a literal default is a key anyone can read in the
 * repository (tokens signed with the old one were accepted as admin). NODE_ENV cannot tell a local run from
 * production (`medusa start` sets it to production), so nothing here looks at it: `npm start` on the embedded
 * database generates local secrets once (.data/local-secrets.json) and passes them in like any deployment would.
 */

/** Secrets both apps or the backend alone need; missing any of them stops every command but `medusa build`. */
export const REQUIRED_SECRETS = ["JWT_SECRET", "COOKIE_SECRET", "OCOP_REVALIDATE_SECRET", "OCOP_FORWARDING_SECRET"] as const

const secret = (name: string) =>
  z.string({ error: `${name}: chưa đặt / not set` }).min(32, `${name}: ít nhất 32 ký tự / at least 32 characters (e.g. \`openssl rand -hex 32\`)`)

const url = (name: string) => z.url(`${name}: không phải URL / not a URL`)

const positiveWhole = (name: string) =>
  z.coerce
    .number({ error: `${name}: phải là số / must be a number` })
    .int(`${name}: phải là số nguyên / must be a whole number`)
    .positive(`${name}: phải lớn hơn 0 / must be positive`)

// An empty variable counts as unset, as a shell's `NAME=` usually means.
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value)

function isAddressOrRange(entry: string): boolean {
  if (!entry.includes("/")) return ipaddr.isValid(entry)
  try {
    ipaddr.parseCIDR(entry)
    return true
  } catch {
    return false
  }
}

const schema = z
  .object({
    DATABASE_URL: z.string().min(1).optional(),
    REDIS_URL: z.string().min(1).optional(),
    PORT: z.coerce.number().int().positive().default(9000),
    STORE_CORS: z.string().default("http://localhost:8000,http://127.0.0.1:8000"),
    ADMIN_CORS: z.string().default("http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173"),
    AUTH_CORS: z.string().default("http://localhost:8000,http://127.0.0.1:8000,http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173"),
    JWT_SECRET: secret("JWT_SECRET"),
    COOKIE_SECRET: secret("COOKIE_SECRET"),
    OCOP_REVALIDATE_SECRET: secret("OCOP_REVALIDATE_SECRET"),
    OCOP_FORWARDING_SECRET: secret("OCOP_FORWARDING_SECRET"),
    // The address browsers use for this backend (admin, photos). Its scheme decides `Secure` cookies: a
    // production build on http://localhost must still sign in, an https deployment must never send them in clear.
    OCOP_PUBLIC_URL: url("OCOP_PUBLIC_URL").optional(),
    OCOP_FILE_URL: url("OCOP_FILE_URL").optional(),
    // Empty: never call the shop (tests, imports on a server of their own).
    OCOP_STOREFRONT_URL: z.union([z.literal(""), url("OCOP_STOREFRONT_URL")]).default("http://localhost:8000"),
    // Several shop processes each hold their own page cache: revalidation must reach every one of them, not the one
    // the load balancer picks. Comma-separated; unset means the one shop at OCOP_STOREFRONT_URL.
    OCOP_STOREFRONT_REVALIDATE_URLS: z
      .string()
      .optional()
      .transform((value) =>
        value
          ?.split(",")
          .map((u) => u.trim())
          .filter(Boolean)
      )
      .pipe(z.array(url("OCOP_STOREFRONT_REVALIDATE_URLS")).optional()),
    // Medusa's process role (scale-out): "server" answers HTTP only, "worker" runs subscribers, scheduled jobs and
    // the search index's ingestion only, "shared" (one process, the default) does both.
    MEDUSA_WORKER_MODE: z.enum(["shared", "server", "worker"], "MEDUSA_WORKER_MODE: shared | server | worker").default("shared"),
    MEDUSA_FF_CACHING: z.string().optional(),
    MEILISEARCH_HOST: z.string().min(1).optional(),
    MEILISEARCH_API_KEY: z.string().optional(),
    DISABLE_ADMIN: z.string().optional(),
    MEDUSA_BACKEND_URL: z.string().default("/"),
    // Loose on purpose: local and test domains (admin@ocop.local, admin@ocop.e2e) are valid logins here.
    OCOP_ADMIN_EMAIL: z
      .string()
      .regex(/^[^@\s]+@[^@\s]+$/, "OCOP_ADMIN_EMAIL: không phải e-mail / not an e-mail")
      .default("admin@ocop.local"),
    OCOP_ADMIN_PASSWORD: z.string().min(12, "OCOP_ADMIN_PASSWORD: ít nhất 12 ký tự / at least 12 characters").optional(),
    OCOP_DEMO_DATA: z.string().optional(),
    OCOP_STOREFRONT_ENV_FILE: z.string().min(1).optional(),
    OCOP_SEARCH_CACHE: z.enum(["on", "off"], "OCOP_SEARCH_CACHE: on | off").default("on"),
    SEARCH_CACHE_TTL_MS: z.coerce.number().int().nonnegative("SEARCH_CACHE_TTL_MS: milliseconds").default(5_000),
    // Matches a search reads at most for its count and facets before estimating them (docs/search.md).
    OCOP_SEARCH_MAX_SCANNED_MATCHES: z.coerce
      .number()
      .int()
      .positive("OCOP_SEARCH_MAX_SCANNED_MATCHES: số nguyên dương / a positive integer")
      .default(1_000),
    // Where e-mails (certificate expiry reminders) go: "local" logs them and keeps them in the notification table,
    // "smtp" sends them through the mail server at OCOP_SMTP_URL as OCOP_EMAIL_FROM (both required then).
    OCOP_EMAIL_PROVIDER: z.enum(["local", "smtp"], "OCOP_EMAIL_PROVIDER: local | smtp").default("local"),
    // The message names the variable only: the URL holds the mail account's password.
    OCOP_SMTP_URL: z.preprocess(
      unsetIfEmpty,
      z.url({ protocol: /^smtps?$/, error: "OCOP_SMTP_URL: smtp://user:password@host:587 hoặc / or smtps://user:password@host:465" }).optional()
    ),
    // A bare address or `Name <address>` (nodemailer encodes a Vietnamese name).
    OCOP_EMAIL_FROM: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .trim()
        .regex(
          /^(?:[^<>]*<[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+)$/,
          'OCOP_EMAIL_FROM: không phải địa chỉ e-mail / not an e-mail address (e.g. "Chợ OCOP <no-reply@ocop.vn>")'
        )
        .optional()
    ),
    // The producer portal and curator console are the storefront app (port 8000 locally).
    VENDOR_CORS: z.string().default("http://localhost:8000,http://127.0.0.1:8000"),
    VENDOR_PORTAL_URL: z.string().default("http://localhost:8000"),
    // Proxies whose X-Forwarded-For the sign-in limit believes (api/security/client-address.ts); none by default.
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean)
      )
      .pipe(z.array(z.string().refine(isAddressOrRange, "TRUSTED_PROXIES: each entry is an IP address or a CIDR range"))),
    LOGIN_ATTEMPTS_PER_MINUTE: positiveWhole("LOGIN_ATTEMPTS_PER_MINUTE").optional(),
    // The first name of the limit, when it covered producers only; still honoured.
    VENDOR_LOGIN_ATTEMPTS_PER_MINUTE: positiveWhole("VENDOR_LOGIN_ATTEMPTS_PER_MINUTE").optional(),
    LOGIN_ATTEMPTS_PER_ACCOUNT: positiveWhole("LOGIN_ATTEMPTS_PER_ACCOUNT").default(20),
    LOGIN_FIRST_WAIT_SECONDS: positiveWhole("LOGIN_FIRST_WAIT_SECONDS").default(60),
    // Units of one product a cart line may hold (lib/line-quantity.ts says why there is a cap).
    OCOP_MAX_QUANTITY_PER_LINE: z.preprocess(
      unsetIfEmpty,
      z.coerce
        .number({ error: "OCOP_MAX_QUANTITY_PER_LINE: must be a number" })
        .int("OCOP_MAX_QUANTITY_PER_LINE: must be a whole number")
        .min(1, "OCOP_MAX_QUANTITY_PER_LINE: at least 1")
        .max(100_000, "OCOP_MAX_QUANTITY_PER_LINE: at most 100000")
        .default(99)
    ),
    // Rows the import writes per statement (src/scripts/import-list.ts; the workflow's own default when unset).
    OCOP_IMPORT_BATCH_SIZE: z.preprocess(unsetIfEmpty, positiveWhole("OCOP_IMPORT_BATCH_SIZE").optional()),
    // VietQR bank transfer: offered at checkout only when all four are set (the account that receives the money
    // and the secret the bank-transaction service signs its webhooks with).
    OCOP_VIETQR_BANK_BIN: z
      .string()
      .regex(/^\d{6}$/, "OCOP_VIETQR_BANK_BIN: 6 chữ số NAPAS / the bank's 6-digit NAPAS BIN")
      .optional(),
    OCOP_VIETQR_ACCOUNT_NUMBER: z
      .string()
      .regex(/^[0-9A-Za-z]{4,19}$/, "OCOP_VIETQR_ACCOUNT_NUMBER: 4–19 chữ số hoặc chữ / 4–19 digits or letters")
      .optional(),
    OCOP_VIETQR_ACCOUNT_NAME: z.string().trim().min(2, "OCOP_VIETQR_ACCOUNT_NAME: tên chủ tài khoản / account holder's name").optional(),
    OCOP_VIETQR_WEBHOOK_SECRET: secret("OCOP_VIETQR_WEBHOOK_SECRET").optional(),
    // How long an unpaid transfer order keeps its stock before it is cancelled.
    OCOP_VIETQR_EXPIRY_MINUTES: z.coerce.number().int().positive("OCOP_VIETQR_EXPIRY_MINUTES: phút / minutes").default(1440),
    // VNPay: offered at checkout only when the merchant code and hash secret are both set (the sandbox host unless
    // told otherwise); the buyer comes back to the shop's /checkout/vnpay-return.
    OCOP_VNPAY_TMN_CODE: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[0-9A-Za-z]{8}$/, "OCOP_VNPAY_TMN_CODE: mã website 8 ký tự / the 8-character terminal code")
        .optional()
    ),
    OCOP_VNPAY_HASH_SECRET: z.preprocess(unsetIfEmpty, secret("OCOP_VNPAY_HASH_SECRET").optional()),
    OCOP_VNPAY_HOST: z.preprocess(unsetIfEmpty, url("OCOP_VNPAY_HOST").default("https://sandbox.vnpayment.vn")),
    // How long a VNPay order nobody paid keeps its stock. VNPay's page takes payments for 15 minutes, so a shorter
    // expiry would cancel orders whose buyer is still paying.
    OCOP_VNPAY_EXPIRY_MINUTES: z.coerce
      .number()
      .int()
      .min(
        15,
        "OCOP_VNPAY_EXPIRY_MINUTES: ít nhất 15 phút (trang VNPay nhận thanh toán 15 phút) / at least 15 minutes (VNPay's page takes payments for 15)"
      )
      .default(60),
    // Card payments through Stripe (Medusa's own provider): offered at checkout only when both are set. Secret keys
    // only (sk_/rk_): a publishable key here would fail at the first payment, not at the start.
    STRIPE_API_KEY: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_[0-9A-Za-z_]+$/, "STRIPE_API_KEY: khoá bí mật sk_test_…/sk_live_… / a secret key sk_test_… or sk_live_…")
        .optional()
    ),
    STRIPE_WEBHOOK_SECRET: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^whsec_[0-9A-Za-z_]+$/, "STRIPE_WEBHOOK_SECRET: whsec_… (Stripe Dashboard → Webhooks) / the endpoint's signing secret")
        .optional()
    ),
    // Where the Stripe client sends its requests; unset means Stripe itself (https://api.stripe.com). Only tests set
    // it (their local Stripe fake): nothing else about the provider changes.
    OCOP_STRIPE_API_BASE: z.preprocess(
      unsetIfEmpty,
      z.url({ protocol: /^https?$/, error: "OCOP_STRIPE_API_BASE: không phải URL http(s) / not an http(s) URL" }).optional()
    ),
    // Traceability (docs/traceability.md): a lot scanned more than FACTOR × its quantity, or named from PROVINCES or more
    // provinces on one day, or whose unissued/voided serials were checked UNKNOWN_SERIALS times, is flagged; one client
    // counts once per lot per WINDOW; documents are size- and page-limited.
    OCOP_LOT_SCAN_FACTOR: z.coerce
      .number({ error: "OCOP_LOT_SCAN_FACTOR: phải là số / must be a number" })
      .positive("OCOP_LOT_SCAN_FACTOR: phải lớn hơn 0 / must be positive")
      .default(2),
    OCOP_LOT_FLAG_PROVINCES: positiveWhole("OCOP_LOT_FLAG_PROVINCES").default(3),
    OCOP_LOT_FLAG_UNKNOWN_SERIALS: positiveWhole("OCOP_LOT_FLAG_UNKNOWN_SERIALS").default(3),
    OCOP_LOT_SCAN_WINDOW_SECONDS: positiveWhole("OCOP_LOT_SCAN_WINDOW_SECONDS").default(3600),
    OCOP_LOT_DOCUMENT_MAX_MB: positiveWhole("OCOP_LOT_DOCUMENT_MAX_MB").default(10),
    OCOP_LOT_DOCUMENT_MAX_PAGES: positiveWhole("OCOP_LOT_DOCUMENT_MAX_PAGES").default(30),
    // The operator's share of each delivered order part, in percent of its lines' subtotal (producer payouts).
    OCOP_COMMISSION_PERCENT: z.preprocess(
      unsetIfEmpty,
      z.coerce
        .number({ error: "OCOP_COMMISSION_PERCENT: phải là số / must be a number" })
        .min(0, "OCOP_COMMISSION_PERCENT: 0–100")
        .max(100, "OCOP_COMMISSION_PERCENT: 0–100")
        .default(10)
    ),
    // Delivery fee per producer part (issue 15 point 3) until the producer sets its own in the portal: a flat fee
    // in VND, waived when the part's subtotal reaches the threshold (empty = never free).
    OCOP_DEFAULT_SHIPPING_FEE: z.preprocess(
      unsetIfEmpty,
      z.coerce
        .number({ error: "OCOP_DEFAULT_SHIPPING_FEE: phải là số / must be a number" })
        .int("OCOP_DEFAULT_SHIPPING_FEE: số đồng nguyên / whole đồng")
        .min(0, "OCOP_DEFAULT_SHIPPING_FEE: không âm / must not be negative")
        .default(30000)
    ),
    OCOP_DEFAULT_FREE_SHIPPING_FROM: z.preprocess(
      unsetIfEmpty,
      z.coerce
        .number({ error: "OCOP_DEFAULT_FREE_SHIPPING_FROM: phải là số / must be a number" })
        .int("OCOP_DEFAULT_FREE_SHIPPING_FROM: số đồng nguyên / whole đồng")
        .min(0, "OCOP_DEFAULT_FREE_SHIPPING_FROM: không âm / must not be negative")
        .optional()
    ),
  })
  .superRefine((env, ctx) => {
    const vietqr = ["OCOP_VIETQR_BANK_BIN", "OCOP_VIETQR_ACCOUNT_NUMBER", "OCOP_VIETQR_ACCOUNT_NAME", "OCOP_VIETQR_WEBHOOK_SECRET"] as const
    const set = vietqr.filter((name) => env[name] !== undefined)
    // Choosing SMTP without its server or sender would fail at the first reminder, weeks after the start.
    if (env.OCOP_EMAIL_PROVIDER === "smtp") {
      for (const name of ["OCOP_SMTP_URL", "OCOP_EMAIL_FROM"] as const) {
        if (env[name] === undefined)
          ctx.addIssue({ code: "custom", path: [name], message: `${name}: cần cho OCOP_EMAIL_PROVIDER=smtp / needed for OCOP_EMAIL_PROVIDER=smtp` })
      }
    }
    // A key without the webhook secret would take card payments whose asynchronous outcomes never reach the order.
    if ((env.STRIPE_API_KEY === undefined) !== (env.STRIPE_WEBHOOK_SECRET === undefined)) {
      const missing = env.STRIPE_API_KEY === undefined ? "STRIPE_API_KEY" : "STRIPE_WEBHOOK_SECRET"
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: `${missing}: cần cho Stripe (đặt cả hai hoặc không) / needed for Stripe (set both or neither)`,
      })
    }
    // Half a configuration would show buyers a QR nobody confirms (or confirm transfers to an unknown account).
    if (set.length && set.length < vietqr.length) {
      for (const name of vietqr.filter((n) => env[n] === undefined)) {
        ctx.addIssue({ code: "custom", path: [name], message: `${name}: cần cho VietQR (${set.join(", ")} đã đặt) / needed for VietQR` })
      }
    }
  })
  .superRefine((env, ctx) => {
    // Half a VNPay configuration would send buyers to a payment page whose answer nobody can verify.
    const vnpay = ["OCOP_VNPAY_TMN_CODE", "OCOP_VNPAY_HASH_SECRET"] as const
    const set = vnpay.filter((name) => env[name] !== undefined)
    if (set.length === 1) {
      const missing = vnpay.find((name) => env[name] === undefined) as string
      ctx.addIssue({ code: "custom", path: [missing], message: `${missing}: cần cho VNPay (${set[0]} đã đặt) / needed for VNPay` })
    }
    if (set.length === 2 && !env.OCOP_STOREFRONT_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["OCOP_STOREFRONT_URL"],
        message: "OCOP_STOREFRONT_URL: cần cho VNPay (trang trả về) / needed for VNPay's return page",
      })
    }
  })
  .transform((env) => {
    const publicUrl = (env.OCOP_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "")
    return {
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      port: env.PORT,
      storeCors: env.STORE_CORS,
      adminCors: env.ADMIN_CORS,
      authCors: env.AUTH_CORS,
      jwtSecret: env.JWT_SECRET,
      cookieSecret: env.COOKIE_SECRET,
      revalidateSecret: env.OCOP_REVALIDATE_SECRET,
      /** Shared with the shop, which signs the buyer's address with it when it calls the backend. */
      forwardingSecret: env.OCOP_FORWARDING_SECRET,
      publicUrl,
      secureCookies: new URL(publicUrl).protocol === "https:",
      fileUrl: env.OCOP_FILE_URL ?? `${publicUrl}/static`,
      storefrontUrl: env.OCOP_STOREFRONT_URL.replace(/\/$/, ""),
      revalidateUrls: (env.OCOP_STOREFRONT_REVALIDATE_URLS ?? [env.OCOP_STOREFRONT_URL].filter(Boolean)).map((u) => u.replace(/\/$/, "")),
      workerMode: env.MEDUSA_WORKER_MODE,
      cachingEnabled: env.MEDUSA_FF_CACHING !== "false",
      meilisearch: env.MEILISEARCH_HOST ? { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY } : undefined,
      adminDisabled: env.DISABLE_ADMIN === "true",
      adminBackendUrl: env.MEDUSA_BACKEND_URL,
      adminEmail: env.OCOP_ADMIN_EMAIL,
      adminPassword: env.OCOP_ADMIN_PASSWORD,
      demoData: env.OCOP_DEMO_DATA !== "false",
      storefrontEnvFile: env.OCOP_STOREFRONT_ENV_FILE,
      emailProvider: env.OCOP_EMAIL_PROVIDER,
      smtp:
        env.OCOP_EMAIL_PROVIDER === "smtp" && env.OCOP_SMTP_URL && env.OCOP_EMAIL_FROM
          ? { url: env.OCOP_SMTP_URL, from: env.OCOP_EMAIL_FROM }
          : undefined,
      producerCorsOrigins: parseCorsOrigins(env.VENDOR_CORS),
      portalUrl: env.VENDOR_PORTAL_URL.replace(/\/$/, ""),
      trustedProxies: env.TRUSTED_PROXIES,
      signInLimits: {
        /** Attempts one client address may make per minute, whatever accounts it tries. */
        perAddressPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE ?? env.VENDOR_LOGIN_ATTEMPTS_PER_MINUTE ?? 10,
        perAccount: env.LOGIN_ATTEMPTS_PER_ACCOUNT,
        /** An account's first wait after its budget runs out; it doubles each time that day, up to an hour. */
        firstWaitSeconds: env.LOGIN_FIRST_WAIT_SECONDS,
      },
      maxQuantityPerLine: env.OCOP_MAX_QUANTITY_PER_LINE,
      lots: {
        scanFactor: env.OCOP_LOT_SCAN_FACTOR,
        flagProvinces: env.OCOP_LOT_FLAG_PROVINCES,
        flagUnknownSerials: env.OCOP_LOT_FLAG_UNKNOWN_SERIALS,
        scanWindowSeconds: env.OCOP_LOT_SCAN_WINDOW_SECONDS,
        documentMaxBytes: env.OCOP_LOT_DOCUMENT_MAX_MB * 1024 * 1024,
        documentMaxPages: env.OCOP_LOT_DOCUMENT_MAX_PAGES,
      },
      commissionPercent: env.OCOP_COMMISSION_PERCENT,
      /** The operator's delivery terms for a producer part (VND), until the producer sets its own. */
      shippingDefaults: { fee: env.OCOP_DEFAULT_SHIPPING_FEE, free_from: env.OCOP_DEFAULT_FREE_SHIPPING_FROM ?? null },
      importBatchSize: env.OCOP_IMPORT_BATCH_SIZE,
      vietqr:
        env.OCOP_VIETQR_BANK_BIN && env.OCOP_VIETQR_ACCOUNT_NUMBER && env.OCOP_VIETQR_ACCOUNT_NAME && env.OCOP_VIETQR_WEBHOOK_SECRET
          ? {
              bankBin: env.OCOP_VIETQR_BANK_BIN,
              accountNumber: env.OCOP_VIETQR_ACCOUNT_NUMBER,
              accountName: env.OCOP_VIETQR_ACCOUNT_NAME,
              webhookSecret: env.OCOP_VIETQR_WEBHOOK_SECRET,
              expiryMinutes: env.OCOP_VIETQR_EXPIRY_MINUTES,
            }
          : undefined,
      vnpay:
        env.OCOP_VNPAY_TMN_CODE && env.OCOP_VNPAY_HASH_SECRET && env.OCOP_STOREFRONT_URL
          ? {
              tmnCode: env.OCOP_VNPAY_TMN_CODE,
              hashSecret: env.OCOP_VNPAY_HASH_SECRET,
              host: env.OCOP_VNPAY_HOST.replace(/\/$/, ""),
              /** Where VNPay sends the buyer back; the shop's locale middleware picks the buyer's language. */
              returnUrl: `${env.OCOP_STOREFRONT_URL.replace(/\/$/, "")}/checkout/vnpay-return`,
              expiryMinutes: env.OCOP_VNPAY_EXPIRY_MINUTES,
            }
          : undefined,
      stripe:
        env.STRIPE_API_KEY && env.STRIPE_WEBHOOK_SECRET
          ? { apiKey: env.STRIPE_API_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.OCOP_STRIPE_API_BASE }
          : undefined,
      searchCache: { enabled: env.OCOP_SEARCH_CACHE === "on" && env.SEARCH_CACHE_TTL_MS > 0, ttlMs: env.SEARCH_CACHE_TTL_MS },
      searchMaxScannedMatches: env.OCOP_SEARCH_MAX_SCANNED_MATCHES,
    }
  })

export type BackendConfig = z.output<typeof schema>

/** Thrown with every problem at once, each line starting with the variable's name. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(
      `Cấu hình backend không hợp lệ / invalid backend configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "Production sets these variables (README, Configuration); locally `npm start` generates the secrets."
    )
    this.name = "ConfigError"
  }
}

/**
 * Validates `source`. `medusa build` only compiles and bundles the admin, never signs or serves anything, so it
 * may run without secrets (a CI image is built before it gets any); every other command needs them.
 */
export function parseConfig(source: Record<string, string | undefined>, options: { building?: boolean } = {}): BackendConfig {
  const input = { ...source }
  if (options.building) {
    // Random, never written anywhere: the build output holds no configuration values.
    for (const name of REQUIRED_SECRETS) input[name] ||= randomBytes(32).toString("hex")
  }
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    // Every line names its variable: zod's own messages ("Too small: …") do not.
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "")
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`
      })
    )
  }
  return parsed.data
}

let loaded: BackendConfig | undefined

/** The configuration of this process, read on first use (after .env files are loaded). */
export function readConfig(): BackendConfig {
  if (!loaded) {
    loadEnv(process.env.NODE_ENV || "development", process.cwd())
    loaded = parseConfig(process.env, { building: process.argv[2] === "build" })
  }
  return loaded
}
