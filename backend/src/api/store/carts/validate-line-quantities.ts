import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertLineQuantity } from "../../../lib/line-quantity"

/**
 * Refuses a bad quantity before Medusa's own body validation, whose message ("Invalid request: …") does not start
 * with the field and which lets 1.5 or 1e300 through. Every cart POST that carries a quantity is covered by
 * shape rather than by path: `quantity` (add or update a line) and `items[].quantity` (cart created with items).
 * The cart workflows' validate hooks apply the same rule again for callers that do not come through HTTP.
 */
export function validateLineQuantities(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = req.body as Record<string, unknown> | undefined
  if (req.method !== "POST" || !body || typeof body !== "object") return next()
  if ("quantity" in body) assertLineQuantity(body.quantity)
  if (Array.isArray(body.items)) {
    body.items.forEach((item: unknown, index: number) =>
      assertLineQuantity((item as { quantity?: unknown } | null)?.quantity, `items.${index}.quantity`)
    )
  }
  next()
}
