import { ServerResponse } from "node:http"

/**
 * Headers every backend response carries: the store and admin APIs, the admin app at /app and the photos at
 * /static. No page of ours may be framed (the admin would be clickjackable), nothing is content-sniffed (a photo
 * is never run as a script or page), other sites learn only our origin from links.
 */
const CSP_DIRECTIVES = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP_DIRECTIVES.join("; "),
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
}

let installed = false

/**
 * A policy a response already set (Express's error pages send `default-src 'none'`, which does not cover
 * frame-ancestors) keeps its own directives and gains ours that it lacks.
 */
function mergePolicy(existing: string): string {
  const names = new Set(
    existing
      .split(";")
      .map((d) => d.trim().split(/\s+/)[0]?.toLowerCase())
      .filter(Boolean)
  )
  const added = CSP_DIRECTIVES.filter((d) => !names.has(d.split(" ")[0]))
  return [existing.trim().replace(/;$/, ""), ...added].filter(Boolean).join("; ")
}

/**
 * Medusa registers express.static for /static and the admin's router before any project middleware can run, and
 * offers no hook ahead of them; the one place every response passes is its head being written. So the headers
 * are added there (a response that set its own keeps it; a policy is completed) and Express's X-Powered-By is dropped. Called once, when
 * the API's middlewares load, which is before the server listens.
 */
export function installSecurityHeaders() {
  if (installed) return
  installed = true
  const writeHead = ServerResponse.prototype.writeHead
  ServerResponse.prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (!this.hasHeader(name)) this.setHeader(name, value)
      }
      this.setHeader("Content-Security-Policy", mergePolicy(String(this.getHeader("Content-Security-Policy"))))
      this.removeHeader("X-Powered-By")
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as typeof writeHead
}
