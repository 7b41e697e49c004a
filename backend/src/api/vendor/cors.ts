import cors from "cors"
import { parseCorsOrigins } from "@medusajs/framework/utils"

// The producer portal is the storefront app (port 8000 locally); production lists its origin in VENDOR_CORS.
const VENDOR_CORS = process.env.VENDOR_CORS ?? "http://localhost:8000,http://127.0.0.1:8000"

export const vendorCorsOrigins = parseCorsOrigins(VENDOR_CORS)

/** Medusa only applies CORS to /store, /admin and /auth; /vendor gets its own, with cookies for the session. */
export const vendorCors = cors({ origin: vendorCorsOrigins, credentials: true })

export function vendorPortalUrl(): string {
  return (process.env.VENDOR_PORTAL_URL ?? "http://localhost:8000").replace(/\/$/, "")
}
