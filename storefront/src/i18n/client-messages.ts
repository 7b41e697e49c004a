import { getMessages } from "next-intl/server"

/**
 * Only the texts client components use travel to the browser, and only to the pages that have such components
 * (checkout, account, portal, curator console): catalogue pages get their texts translated on the server and ship
 * no translation runtime at all.
 */
export async function clientMessages(...namespaces: string[]) {
  const all = (await getMessages()) as Record<string, unknown>
  return Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]])) as Record<string, never>
}
