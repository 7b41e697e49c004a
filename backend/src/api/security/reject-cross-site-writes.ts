import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, parseCorsOrigins } from "@medusajs/framework/utils"
import { producerCorsOrigins } from "../producer/cors"

type Namespace = "admin" | "store" | "auth" | "producer"
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

function readAllowedOrigins(req: MedusaRequest, namespace: Namespace): (string | RegExp)[] {
  if (namespace === "producer") return producerCorsOrigins
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  return parseCorsOrigins({ admin: http.adminCors, store: http.storeCors, auth: http.authCors }[namespace] ?? "")
}

/** Origin, else the origin of Referer (older browsers and some privacy settings send only one of them). */
function readRequestOrigin(req: MedusaRequest): string | undefined {
  const origin = req.headers.origin
  if (origin) return origin
  try {
    return req.headers.referer ? new URL(req.headers.referer).origin : undefined
  } catch {
    return undefined
  }
}

/**
 * Cross-site request forgery: a page elsewhere can make the browser post a form to us, and the browser adds the
 * session cookie (SameSite=Lax alone lets top-level POSTs from some browsers and every same-site subdomain through).
 * So a write that would be authenticated by the session cookie must come from an origin the namespace allows
 * (ADMIN_CORS, STORE_CORS, AUTH_CORS, VENDOR_CORS); with neither Origin nor Referer it is refused too. A request
 * with an Authorization header is left alone: another site cannot make a browser send one.
 */
export function rejectCrossSiteWrites(namespace: Namespace) {
  return function rejectCrossSiteWrite(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization) return next()
    const { sessionOptions } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const cookieName = sessionOptions?.name ?? "connect.sid"
    const cookies = (req.headers.cookie ?? "").split(";").map((part) => part.trim().split("=")[0])
    if (!cookies.includes(cookieName)) return next()
    const origin = readRequestOrigin(req)
    const allowed = readAllowedOrigins(req, namespace)
    if (origin && allowed.some((entry) => (typeof entry === "string" ? entry === origin : entry.test(origin)))) return next()
    next(
      new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "origin: yêu cầu từ trang khác bị từ chối / a request from another site with this session is refused"
      )
    )
  }
}
