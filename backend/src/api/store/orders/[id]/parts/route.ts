import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { OrderParts, Presented } from "@ocop/contracts"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { RecalledOrderLot } from "@ocop/contracts"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"
import { TRACEABILITY_MODULE } from "../../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../../modules/traceability/service"

/**
 * GET /store/orders/:id/parts — the buyer's order page, one block per producer: who sends which lines, the part's
 * status, carrier and tracking, and the recalled lots it shipped (the page's recall banner). Readable on the same
 * terms as Medusa's GET /store/orders/:id (anyone holding the order's unguessable id: guest checkouts have no
 * account); it adds nothing about the buyer.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { id: req.params.id, status: { $nin: ["draft"] } } })
  if (!orders.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${req.params.id}" was not found / không tìm thấy đơn hàng`)
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const parts = await producers.listProducerShipments({ order_id: req.params.id }, { order: { created_at: "ASC" } })
  const named = parts.length ? await producers.listProducers({ id: parts.map((p) => p.producer_id) }, { select: ["id", "name", "handle"] }) : []
  const producerOf = new Map(named.map((p) => [p.id, { id: p.id, name: p.name, handle: p.handle }]))
  const recalledOf = await readRecalledLotsByProducer(req.scope.resolve(TRACEABILITY_MODULE), req.params.id)
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
      recalled_lots: recalledOf.get(p.producer_id) ?? [],
    })),
  } satisfies Presented<OrderParts>)
}

/** The order's shipped lots that were recalled, per producer: lot code, public code (its scan page), reason, day, lines. */
async function readRecalledLotsByProducer(service: TraceabilityModuleService, orderId: string) {
  const rows = await service.listLotShipmentLines({ order_id: orderId }, { select: ["lot_id", "line_item_id", "producer_id"] })
  const lots = rows.length ? await service.listLots({ id: [...new Set(rows.map((r) => r.lot_id))], status: "recalled" }) : []
  const byProducer = new Map<string, RecalledOrderLot[]>()
  for (const lot of lots) {
    const own = rows.filter((r) => r.lot_id === lot.id)
    const recalled = {
      code: lot.code,
      public_code: lot.public_code,
      recall_reason: lot.recall_reason,
      recalled_at: lot.recalled_at ? new Date(lot.recalled_at).toISOString() : null,
      line_item_ids: own.map((r) => r.line_item_id),
    } satisfies RecalledOrderLot
    byProducer.set(own[0].producer_id, [...(byProducer.get(own[0].producer_id) ?? []), recalled])
  }
  return byProducer
}
