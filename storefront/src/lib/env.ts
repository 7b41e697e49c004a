import "server-only"
import { z } from "zod"

// Validated once; every value has a local default so `npm start` works with nothing configured.
const schema = z.object({
  MEDUSA_BACKEND_URL: z.url().default("http://localhost:9000"),
  MEDUSA_PUBLISHABLE_KEY: z.string().startsWith("pk_", "MEDUSA_PUBLISHABLE_KEY: a pk_… key").optional(),
  SITE_URL: z.url().default("http://localhost:8000"),
  REVALIDATE_SECRET: z.string().min(8, "REVALIDATE_SECRET: at least 8 characters").default("local-dev-revalidate-secret"),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
})

export const env = schema.parse(process.env)

export const secureCookies = (env.COOKIE_SECURE ?? (process.env.NODE_ENV === "production" ? "true" : "false")) === "true"
