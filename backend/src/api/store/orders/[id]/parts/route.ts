import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { OrderParts, Presented } from "@ocop/contracts"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"

/**
 * GET /store/orders/:id/parts — the buyer's order page, one block per producer: who sends which lines, the part's
 * status, carrier and tracking. Readable on the same terms as Medusa's GET /store/orders/:id (anyone holding the
 * order's unguessable id: guest checkouts have no account); it adds nothing about the buyer.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { id: req.params.id, status: { $nin: ["draft"] } } })
  if (!orders.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${req.params.id}" was not found / không tìm thấy đơn hàng`)
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const parts = await producers.listProducerShipments({ order_id: req.params.id }, { order: { created_at: "ASC" } })
  const named = parts.length ? await producers.listProducers({ id: parts.map((p) => p.producer_id) }, { select: ["id", "name", "handle"] }) : []
  const producerOf = new Map(named.map((p) => [p.id, { id: p.id, name: p.name, handle: p.handle }]))
  res.json({
    parts: parts.map((p) => ({
      id: p.id,
      producer: producerOf.get(p.producer_id) ?? null,
      line_item_ids: p.line_item_ids,
      status: p.status,
      subtotal: Number(p.subtotal),
      shipping_fee: Number(p.shipping_fee),
      carrier: p.carrier,
      tracking_number: p.tracking_number,
      shipped_at: p.shipped_at,
      delivered_at: p.delivered_at,
      canceled_at: p.canceled_at,
    })),
  } satisfies Presented<OrderParts>)
}
