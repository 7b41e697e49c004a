import { getMessages } from "next-intl/server"

/**
 * Only the texts client components use travel to the browser: every page's HTML carries them, so sending all
 * messages would weigh on every catalogue page.
 */
export async function clientMessages(...namespaces: string[]) {
  const all = (await getMessages()) as Record<string, unknown>
  return Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]])) as Record<string, never>
}

/** Shop-wide client texts: header (site), search box, add to cart. */
export const SHOP_CLIENT_NAMESPACES = ["site", "search", "cart"]
