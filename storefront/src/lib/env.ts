import "server-only"
import { isBuilding, parseShopEnv } from "./env-schema"

// Validated once per server process (src/instrumentation.ts already refused to start without the secrets).
export const env = parseShopEnv(process.env, { building: isBuilding() })

export const secureCookies = env.secureCookies
