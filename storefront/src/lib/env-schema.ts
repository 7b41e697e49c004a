import { randomBytes } from "node:crypto"
import { z } from "zod"

/**
 * The shop's configuration, read at run time (one production build serves any backend). Secrets have no
 * defaults: a literal default is a key anyone can read in the repository. NODE_ENV cannot tell a local run from
 * production (`next start` sets it to production), so `npm start` passes the local secrets it generated, like a
 * deployment passes its own. Kept apart from env.ts (server-only) so the start-up check and the tests can use it.
 */
export const REQUIRED_SHOP_SECRETS = ["REVALIDATE_SECRET", "OCOP_FORWARDING_SECRET"] as const

const secret = (name: string) =>
  z.string({ error: `${name}: chưa đặt / not set` }).min(32, `${name}: ít nhất 32 ký tự / at least 32 characters (e.g. \`openssl rand -hex 32\`)`)

const schema = z
  .object({
    MEDUSA_BACKEND_URL: z.url("MEDUSA_BACKEND_URL: không phải URL / not a URL").default("http://localhost:9000"),
    MEDUSA_PUBLISHABLE_KEY: z.string().startsWith("pk_", "MEDUSA_PUBLISHABLE_KEY: a pk_… key").optional(),
    SITE_URL: z.url("SITE_URL: không phải URL / not a URL").default("http://localhost:8000"),
    // The backend's OCOP_REVALIDATE_SECRET: its key to /api/revalidate.
    REVALIDATE_SECRET: secret("REVALIDATE_SECRET"),
    // The backend's OCOP_FORWARDING_SECRET: the shop signs the buyer's address with it when it calls the backend.
    OCOP_FORWARDING_SECRET: secret("OCOP_FORWARDING_SECRET"),
    // Stripe's publishable key for the Payment Element; the card is offered only with it (and the backend's
    // Stripe provider). Read at run time and handed to the page, like every other setting here.
    NEXT_PUBLIC_STRIPE_KEY: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^pk_(test|live)_[0-9A-Za-z_]+$/, "NEXT_PUBLIC_STRIPE_KEY: khoá công khai pk_test_…/pk_live_… / a publishable key pk_…")
        .optional()
    ),
  })
  .transform((env) => ({
    ...env,
    // `Secure` cookies follow the shop's public address: a production build on http://localhost still signs in,
    // an https shop never sends its cart, buyer or producer cookie in clear.
    secureCookies: new URL(env.SITE_URL).protocol === "https:",
  }))

export type ShopEnv = z.output<typeof schema>

/** Every problem at once, each line starting with the variable's name. */
export class ShopConfigError extends Error {
  constructor(problems: string[]) {
    super(
      `Cấu hình cửa hàng không hợp lệ / invalid shop configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "Production sets these variables (README, Configuration); locally `npm start` generates the secrets."
    )
    this.name = "ShopConfigError"
  }
}

/**
 * `next build` evaluates server modules to collect page data but never answers a request: it runs without secrets
 * (random stand-ins that end with the build). `next start` and `next dev` need them.
 */
export function parseShopEnv(source: Record<string, string | undefined>, options: { building?: boolean } = {}): ShopEnv {
  const input = { ...source }
  if (options.building) for (const name of REQUIRED_SHOP_SECRETS) input[name] ||= randomBytes(32).toString("hex")
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new ShopConfigError(parsed.error.issues.map((issue) => issue.message))
  return parsed.data
}

export const isBuilding = () => process.env.NEXT_PHASE === "phase-production-build"

/** At server start (src/instrumentation.ts): print what is missing and stop, rather than serve without keys. */
export function exitUnlessConfigured() {
  try {
    parseShopEnv(process.env)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
