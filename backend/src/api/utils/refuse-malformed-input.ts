import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const NUL = "\u0000"
// Deep enough for any body the API accepts; a deeper one is refused by the route's own schema.
const MAX_DEPTH = 32

export const MALFORMED_PATH_MESSAGE = "path: đường dẫn có mã hoá phần trăm không hợp lệ / the URL path has a malformed percent-encoding"

const nulMessage = (field: string) => `${field}: không được chứa ký tự NUL / must not contain a NUL character`

/** The first field (dotted path) whose key or text holds a NUL, if any. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes(NUL) ? path || "body" : undefined
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH || Buffer.isBuffer(value)) return undefined
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key
    if (key.includes(NUL)) return childPath
    const found = findNul(child, childPath, depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * PostgreSQL text cannot hold a NUL byte, so `%00` in a search or an id used to travel to the driver and come back
 * as a 500; a path segment with a broken percent-encoding (`%E0%A4%A`) made Express throw a URIError while decoding
 * route parameters, also a 500. Both are refused here with a 400 naming the field, before any route or route
 * middleware decodes anything (method-less prefix entries run before the routes below them). The error handler
 * (`translateApiError`) turns a URIError raised elsewhere into the same 400.
 */
export function refuseMalformedInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  for (const segment of path.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, MALFORMED_PATH_MESSAGE)
    }
    if (decoded.includes(NUL)) throw new MedusaError(MedusaError.Types.INVALID_DATA, nulMessage("path"))
  }
  const inQuery = findNul(req.query, "")
  if (inQuery) throw new MedusaError(MedusaError.Types.INVALID_DATA, nulMessage(inQuery))
  const inBody = findNul(req.body, "")
  if (inBody) throw new MedusaError(MedusaError.Types.INVALID_DATA, nulMessage(inBody))
  next()
}
