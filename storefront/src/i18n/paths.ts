export type Href = string | { pathname: string; query?: Record<string, string | number | undefined> }

/**
 * The URL of a shop page in a language ("/search?q=mật" in English → "/en/search?q=m%E1%BA%ADt"). Pages and server
 * components use this rather than next-intl's navigation helpers, whose module carries its client-side link (and
 * the translation runtime behind it) into every page that imports it.
 */
export function localizePath(href: Href, locale: string): string {
  const { pathname, query } = typeof href === "string" ? { pathname: href, query: undefined } : href
  const path = `/${locale}${pathname === "/" ? "" : pathname}`
  const search = new URLSearchParams(
    Object.entries(query ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))
  ).toString()
  return search ? `${path}?${search}` : path
}
