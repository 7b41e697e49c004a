import cors from "cors"
import { readConfig } from "../../lib/config"

// The producer portal is the storefront app (port 8000 locally); production lists its origin in VENDOR_CORS.
export const producerCorsOrigins = readConfig().producerCorsOrigins

/** Medusa only applies CORS to /store, /admin and /auth; /producer gets its own, with cookies for the session. */
export const producerCors = cors({ origin: producerCorsOrigins, credentials: true })

export function readPortalUrl(): string {
  return readConfig().portalUrl
}
