import createMiddleware from "next-intl/middleware"
import { routing } from "./i18n/routing"

export default createMiddleware(routing)

// Pages only: API routes, Next's assets and files with an extension (sitemap.xml, robots.txt) pass untouched.
export const config = { matcher: ["/((?!api|_next|.*\\..*).*)"] }
