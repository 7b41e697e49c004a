import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { describeIssues } from "./parse-request"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Medusa's validators rewrite most zod messages into English templates ("Value for field 'x' too small") and keep
 * three. Our callers read Vietnamese first, so the schema runs inside one custom issue that carries all our own
 * field-named messages, which Medusa passes through as they are.
 */
function withFieldMessages<T extends z.ZodTypeAny>(schema: T) {
  return z.unknown().transform(async (input, ctx): Promise<z.output<T>> => {
    const result = await schema.safeParseAsync(input)
    if (result.success) return result.data
    ctx.addIssue({ code: "custom", message: describeIssues(result.error.issues).join("; ") })
    return z.NEVER
  })
}

const MEDUSA_PREFIX = "Invalid request: "

// Every 400 of this API starts with the field it is about; Medusa puts "Invalid request: " before it.
function startingWithTheField(middleware: Middleware): Middleware {
  return (req, res, next) =>
    middleware(req, res, (error?: unknown) => {
      if (error instanceof MedusaError && error.message.startsWith(MEDUSA_PREFIX)) {
        error.message = error.message.slice(MEDUSA_PREFIX.length)
      }
      next(error)
    })
}

/** Medusa's validateAndTransformBody with our messages: the handler reads `req.validatedBody`. */
export function validateBody<T extends z.ZodTypeAny>(schema: T): Middleware {
  const validate = startingWithTheField(validateAndTransformBody(withFieldMessages(schema)) as Middleware)
  // A request without a body (an invite with every default) is checked as an empty one.
  return (req, res, next) => {
    req.body ??= {}
    return validate(req, res, next)
  }
}

/** Medusa's validateAndTransformQuery with our messages: the handler reads `req.validatedQuery`. */
export function validateQuery<T extends z.ZodTypeAny>(schema: T): Middleware {
  return startingWithTheField(validateAndTransformQuery(withFieldMessages(schema) as any, {}) as Middleware)
}
