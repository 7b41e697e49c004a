// Each benchmark run gets its own random secrets: the backend has no defaults (src/lib/config.ts).
import { randomBytes } from "node:crypto"

export function randomSecrets() {
  return Object.fromEntries(
    ["JWT_SECRET", "COOKIE_SECRET", "OCOP_REVALIDATE_SECRET", "OCOP_FORWARDING_SECRET"].map((name) => [name, randomBytes(32).toString("hex")])
  )
}
