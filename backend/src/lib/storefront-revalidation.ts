import type { Logger } from "@medusajs/framework/types"
import { readConfig } from "./config"

// An import emits thousands of events: they collapse into one call per quiet period.
const QUIET_MS = 250
let timer: NodeJS.Timeout | undefined

export function requestStorefrontRevalidation(logger: Logger) {
  if (readConfig().storefrontUrl === "") return
  clearTimeout(timer)
  timer = setTimeout(() => void sendRevalidation(logger), QUIET_MS)
  timer.unref()
}

async function sendRevalidation(logger: Logger) {
  try {
    const { storefrontUrl, revalidateSecret } = readConfig()
    const response = await fetch(`${storefrontUrl}/api/revalidate`, {
      method: "POST",
      headers: { "x-revalidate-secret": revalidateSecret },
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) logger.warn(`Storefront revalidation answered ${response.status}: check OCOP_REVALIDATE_SECRET`)
  } catch (error) {
    // A backend without a running storefront (tests, imports on a server of their own) is normal.
    logger.debug(`Storefront not reached for revalidation: ${(error as Error).message}`)
  }
}
