import type { Logger } from "@medusajs/framework/types"

// Same local defaults as the storefront's; production sets both.
const storefrontUrl = () => process.env.OCOP_STOREFRONT_URL ?? "http://localhost:8000"
const secret = () => process.env.OCOP_REVALIDATE_SECRET ?? "local-dev-revalidate-secret"

// An import emits thousands of events: they collapse into one call per quiet period.
const QUIET_MS = 250
let timer: NodeJS.Timeout | undefined

export function requestStorefrontRevalidation(logger: Logger) {
  if (process.env.OCOP_STOREFRONT_URL === "") return
  clearTimeout(timer)
  timer = setTimeout(() => void sendRevalidation(logger), QUIET_MS)
  timer.unref()
}

async function sendRevalidation(logger: Logger) {
  try {
    const response = await fetch(`${storefrontUrl()}/api/revalidate`, {
      method: "POST",
      headers: { "x-revalidate-secret": secret() },
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) logger.warn(`Storefront revalidation answered ${response.status}: check OCOP_REVALIDATE_SECRET`)
  } catch (error) {
    // A backend without a running storefront (tests, imports on a server of their own) is normal.
    logger.debug(`Storefront not reached for revalidation: ${(error as Error).message}`)
  }
}
