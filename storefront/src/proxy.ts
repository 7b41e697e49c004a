import { NextResponse, type NextRequest } from "next/server"
import createMiddleware from "next-intl/middleware"
import { routing } from "./i18n/routing"
import { parseSearchState, readSearchParams, searchStateKey } from "./lib/search-state"

const routeByLocale = createMiddleware(routing)

/**
 * next-intl decodes the path with `decodeURI`, which throws on a broken percent-encoding (`/vi/products/%E0%A4%A`)
 * and turned a hand-edited link into a 500; a NUL byte names no page either (and Next's page cache cannot store it
 * as a file name). Such a path is answered 400 before routing.
 */
export default function proxy(request: NextRequest) {
  try {
    if (decodeURI(request.nextUrl.pathname).includes("\u0000")) throw new URIError("NUL in path")
  } catch {
    return new NextResponse("400 — đường dẫn không hợp lệ / malformed link", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    })
  }
  const search = SEARCH_PAGE.exec(request.nextUrl.pathname)
  const key = search ? searchStateKey(parseSearchState(readSearchParams(request.nextUrl.searchParams))) : null
  if (search && key) return rewriteSearch(request, search[1], key)
  return routeByLocale(request)
}

const SEARCH_PAGE = /^\/(vi|en)\/search\/?$/

/**
 * A search page is per state, but every state is a URL: the page of a state is rewritten to ./[state] and kept in
 * Next's shared page cache like a product page (p95 226 ms rendered per request, under 20 connections). The
 * buyer keeps the `?q=…` address. The path names its locale, so next-intl has nothing to decide: its middleware
 * (locale resolution, the alternate-links header — the page carries the same hreflang links —, the locale cookie)
 * cost as much CPU as the rest of this proxy on every search served from the cache (docs/benchmarks.md, session 11).
 */
function rewriteSearch(request: NextRequest, locale: string, key: string) {
  const headers = new Headers(request.headers)
  headers.set("x-next-intl-locale", locale)
  return NextResponse.rewrite(new URL(`/${locale}/search/${key}`, request.url), { request: { headers } })
}

// Pages only: API routes, Next's assets and files with an extension (sitemap.xml, robots.txt) pass untouched, and
// so do the QR resolver paths /l/… and /01/… (a QR carries no locale; src/app/l, src/app/01 answer it).
// So do the catalogue pages served from the shared cache — home, products, provinces, lists, producers,
// certificates — under a locale prefix and with no percent-encoding in the path: each sets its locale from the
// path (`setRequestLocale`), carries its hreflang links in its <head>, and running the proxy (Next's middleware
// adapter and next-intl) was a quarter of the CPU of serving one from the cache (docs/benchmarks.md, session 11).
// A path with "%" still goes through the proxy's check for broken encodings and NUL bytes; the search keeps it
// for its rewrite. The locale cookie next-intl set on these pages is set by the language switch instead.
export const config = {
  matcher: ["/((?!api|_next|l/|01/|.*\\..*|(?:vi|en)(?:/(?:products|provinces|lists|producers|certificates)(?:/[^%]*)?)?$).*)"],
}
