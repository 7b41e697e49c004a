/**
 * Turns Meilisearch client errors into `MedusaError`s the Search Module knows how to react to:
 * - a missing index becomes `NOT_FOUND`, which makes the module re-resolve the active index version and
 *   retry once;
 * - a rate limit keeps `status: 429` and `retry_after` (milliseconds), which makes seeding back off.
 *
 * Errors are recognised by name rather than `instanceof`: the client ships both an ES module and a
 * CommonJS build, and an error thrown by one is not an instance of the other's class.
 */
import { MedusaError } from "@medusajs/framework/utils"

type ApiErrorLike = Error & {
  cause?: { message?: string; code?: string }
  response?: { status?: number; headers?: { get(name: string): string | null } }
}

export const INDEX_NOT_FOUND = "index_not_found"

export function toMedusaError(error: unknown, action: string): Error {
  if (error instanceof MedusaError || !(error instanceof Error)) {
    return error instanceof Error ? error : new Error(String(error))
  }

  switch (error.name) {
    case "MeiliSearchApiError": {
      const apiError = error as ApiErrorLike
      const code = apiError.cause?.code
      const status = apiError.response?.status
      const message = `Meilisearch could not ${action}: ${apiError.cause?.message ?? error.message}${code ? ` (${code})` : ""}`
      if (code === INDEX_NOT_FOUND) {
        return wrap(MedusaError.Types.NOT_FOUND, message, error)
      }
      if (status === 429) {
        const retryAfter = Number(apiError.response?.headers?.get("retry-after"))
        return Object.assign(wrap(MedusaError.Types.UNEXPECTED_STATE, message, error), {
          status: 429,
          retry_after: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
        })
      }
      if (status === 401 || status === 403) {
        return wrap(MedusaError.Types.UNAUTHORIZED, `${message}. Check the Meilisearch provider option "apiKey"`, error)
      }
      return wrap(
        status !== undefined && status >= 400 && status < 500 ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE,
        message,
        error
      )
    }
    case "MeiliSearchRequestTimeOutError":
      return wrap(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch did not answer in time to ${action}: ${error.message}`, error)
    case "MeiliSearchRequestError":
      return wrap(MedusaError.Types.UNEXPECTED_STATE, `Cannot reach Meilisearch to ${action}: ${error.message}`, error)
    default:
      return error
  }
}

function wrap(type: string, message: string, cause: Error): MedusaError {
  return Object.assign(new MedusaError(type, message), { cause })
}
