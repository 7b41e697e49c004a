// The environment of the backend processes a benchmark starts: its own throw-away database, its own random secrets
// (the backend has no defaults, src/lib/config.ts) and the heap limit `npm start` gives the backend.
import { randomBytes } from "node:crypto"
import { withBackendHeapLimit } from "../../scripts/lib/backend-heap.mjs"

export function benchBackendEnv(databaseUrl, extra = {}) {
  const secrets = ["JWT_SECRET", "COOKIE_SECRET", "OCOP_REVALIDATE_SECRET", "OCOP_FORWARDING_SECRET"].map((name) => [
    name,
    randomBytes(32).toString("hex"),
  ])
  return withBackendHeapLimit({ ...process.env, ...Object.fromEntries(secrets), DATABASE_URL: databaseUrl, LOG_LEVEL: "error", ...extra })
}
