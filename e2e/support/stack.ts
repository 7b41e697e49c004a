import { join } from "node:path"

export const ROOT = join(__dirname, "..", "..")
export const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 9190)
export const STOREFRONT_PORT = Number(process.env.E2E_STOREFRONT_PORT ?? 8190)
export const BACKEND_URL = `http://localhost:${BACKEND_PORT}`
export const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`
export const REVALIDATE_SECRET = "e2e-revalidate-secret"
export const ADMIN = { email: "admin@ocop.e2e", password: "e2e-admin-password" }

/** Values global-setup hands to the tests (Playwright runs them in other processes). */
export type StackInfo = {
  publishableKey: string
  regionId: string
  database: string
  honey: { id: string; handle: string; variantId: string; title: string }
}
export const STACK_FILE = join(__dirname, "..", "test-results", "stack.json")
