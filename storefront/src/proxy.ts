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
  const response = routeByLocale(request)
  const search = SEARCH_PAGE.exec(request.nextUrl.pathname)
  if (!search || response.headers.has("location")) return response
  return rewriteSearch(request, response, search[1])
}

const SEARCH_PAGE = /^\/(vi|en)\/search\/?$/

/**
 * A search page is per state, but every state is a URL: the page of a state is rewritten to ./[state] and kept in
 * Next's shared page cache like a product page (p95 226 ms rendered per request, under 20 connections). The
 * buyer keeps the `?q=…` address; what next-intl set (locale header, alternate links, cookie) is carried over.
 */
function rewriteSearch(request: NextRequest, routed: NextResponse, locale: string) {
  const key = searchStateKey(parseSearchState(readSearchParams(request.nextUrl.searchParams)))
  if (!key) return routed
  const headers = new Headers(request.headers)
  headers.set("x-next-intl-locale", locale)
  const rewritten = NextResponse.rewrite(new URL(`/${locale}/search/${key}`, request.url), { request: { headers } })
  for (const name of ["link", "set-cookie"]) {
    const value = routed.headers.get(name)
    if (value) rewritten.headers.set(name, value)
  }
  return rewritten
}

// Pages only: API routes, Next's assets and files with an extension (sitemap.xml, robots.txt) pass untouched, and
// so do the QR resolver paths /l/… and /01/… (a QR carries no locale; src/app/l, src/app/01 answer it).
export const config = { matcher: ["/((?!api|_next|l/|01/|.*\\..*).*)"] }
