import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CartShippingFees } from "@ocop/contracts"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { readConfig } from "../../../../../lib/config"
import { computeLineShippingFees } from "../../../../../lib/shipping-fees"

/**
 * GET /store/carts/:id/shipping-fees — the delivery fee of each producer's part of the cart, as the per-producer
 * shipping option charges it (same function), for the cart and checkout pages. Readable on Medusa's own terms for a
 * cart: whoever holds its unguessable id.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "items.product_id", "items.unit_price", "items.quantity"],
    filters: { id: req.params.id },
  })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart "${req.params.id}" was not found / không tìm thấy giỏ hàng`)
  const { parts, total } = await computeLineShippingFees(query, cart.items ?? [], readConfig().shippingDefaults)
  res.json({ shipping_fees: { parts, total } } satisfies CartShippingFees)
}
