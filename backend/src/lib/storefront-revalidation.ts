import type { Logger } from "@medusajs/framework/types"
import { readConfig } from "./config"

// An import emits thousands of events: they collapse into one call per quiet period.
const QUIET_MS = 250
let timer: NodeJS.Timeout | undefined

export function requestStorefrontRevalidation(logger: Logger) {
  if (readConfig().revalidateUrls.length === 0) return
  clearTimeout(timer)
  timer = setTimeout(() => void sendRevalidations(logger), QUIET_MS)
  timer.unref()
}

// Every shop process keeps its own page cache (OCOP_STOREFRONT_REVALIDATE_URLS lists them behind a load
// balancer), so each one is told; one that is down rebuilds its pages when it starts.
async function sendRevalidations(logger: Logger) {
  const { revalidateUrls, revalidateSecret } = readConfig()
  await Promise.all(revalidateUrls.map((shopUrl) => sendRevalidation(logger, shopUrl, revalidateSecret)))
}

async function sendRevalidation(logger: Logger, shopUrl: string, revalidateSecret: string) {
  try {
    const response = await fetch(`${shopUrl}/api/revalidate`, {
      method: "POST",
      headers: { "x-revalidate-secret": revalidateSecret },
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) logger.warn(`Storefront ${shopUrl} answered revalidation with ${response.status}: check OCOP_REVALIDATE_SECRET`)
  } catch (error) {
    // A backend without a running storefront (tests, imports on a server of their own) is normal.
    logger.debug(`Storefront ${shopUrl} not reached for revalidation: ${(error as Error).message}`)
  }
}
