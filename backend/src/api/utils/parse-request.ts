import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { echoValue } from "@ocop/seed"

/** One message per problem, each starting with the field it is about ("variants.0.price_vnd: …"). */
export function describeIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.join(".")
    // A key is the caller's text: echoed cut short, never 10,000 characters back.
    if (issue.code === "unrecognized_keys")
      return `unknown parameter(s): ${issue.keys
        .slice(0, 10)
        .map((key) => echoValue(key))
        .join(", ")}`
    return field && !issue.message.startsWith(`${field}:`) ? `${field}: ${issue.message}` : issue.message
  })
}

/**
 * Validates a query string or body against a zod schema. Every message starts with the field it is about, and all
 * problems are reported at once, so a caller can fix a request in one go.
 */
export function parseRequest<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(result.error.issues).join("; "))
}
