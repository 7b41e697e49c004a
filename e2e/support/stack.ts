import { join } from "node:path"

export const ROOT = join(__dirname, "..", "..")
export const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 9190)
export const STOREFRONT_PORT = Number(process.env.E2E_STOREFRONT_PORT ?? 8190)
export const BACKEND_URL = `http://localhost:${BACKEND_PORT}`
export const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`
/** VNPay's host in e2e runs: a local port the VNPay test serves itself (the buyer's redirect lands there). */
export const VNPAY_PORT = Number(process.env.E2E_VNPAY_PORT ?? BACKEND_PORT + 5)
export const VNPAY_HOST = `http://127.0.0.1:${VNPAY_PORT}`
export const ADMIN_EMAIL = "admin@ocop.e2e"

/** Values global-setup hands to the tests (Playwright runs them in other processes). */
export type StackInfo = {
  publishableKey: string
  regionId: string
  database: string
  honey: { id: string; handle: string; variantId: string; title: string }
  /** Generated for this run only (the apps have no secret defaults). */
  admin: AdminLogin
  revalidateSecret: string
  /** The VietQR bank webhook's signing secret (the backend offers VietQR in every e2e run). */
  bankWebhookSecret: string
  /** VNPay's terminal code and hash secret for this run (VNPay's host is VNPAY_HOST). */
  vnpay: { tmnCode: string; hashSecret: string }
  /** The local Stripe fake the backend's Stripe client talks to, its secret key and the webhook signing secret. */
  stripe: { apiBase: string; apiKey: string; webhookSecret: string }
}
export type AdminLogin = { email: string; password: string }
export const STACK_FILE = join(__dirname, "..", "test-results", "stack.json")
