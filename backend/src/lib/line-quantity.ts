import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { readConfig } from "./config"

/**
 * How many units of one product a cart line may hold. Medusa accepts any positive number, so a 1,000,000,002-unit
 * order and a 1.5-unit line went through, and 1e300 overflowed into a 500. OCOP producers are small workshops:
 * the shop's own form stops at 99, and a larger order is a wholesale deal outside the cart.
 */
/** OCOP_MAX_QUANTITY_PER_LINE (99 unless set), validated with the rest of the configuration when the backend starts. */
export function maxQuantityPerLine(): number {
  return readConfig().maxQuantityPerLine
}

/** A positive whole number of units, at most the per-line maximum; messages name `quantity` first. */
export function lineQuantitySchema(field = "quantity") {
  const max = maxQuantityPerLine()
  return z
    .number({ message: `${field}: phải là số / must be a number` })
    .int(`${field}: phải là số nguyên / must be a whole number`)
    .min(1, `${field}: tối thiểu 1 / at least 1`)
    .max(max, `${field}: tối đa ${max} mỗi dòng / at most ${max} per line`)
}

/**
 * Throws a 400 naming the field when a quantity that is about to enter a cart is not allowed. Used by the
 * cart workflows' validate hooks, so quantities arriving by any path (not only HTTP) obey the same rule.
 */
export function assertLineQuantity(quantity: unknown, field = "quantity") {
  // Workflow inputs may carry a BigNumber ({ numeric, raw }) or a numeric string instead of a number.
  const value = typeof quantity === "number" ? quantity : Number((quantity as { numeric?: unknown } | null)?.numeric ?? quantity)
  const result = lineQuantitySchema(field).safeParse(value)
  if (!result.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, result.error.issues[0].message)
}
