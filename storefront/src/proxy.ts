import { NextResponse, type NextRequest } from "next/server"
import createMiddleware from "next-intl/middleware"
import { routing } from "./i18n/routing"

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
  return routeByLocale(request)
}

// Pages only: API routes, Next's assets and files with an extension (sitemap.xml, robots.txt) pass untouched, and
// so do the QR resolver paths /l/… and /01/… (a QR carries no locale; src/app/l, src/app/01 answer it).
export const config = { matcher: ["/((?!api|_next|l/|01/|.*\\..*).*)"] }
