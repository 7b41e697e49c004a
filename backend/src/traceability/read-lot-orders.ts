import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LotOrder } from "@ocop/contracts"
import { PRODUCER_MODULE } from "../modules/producer"
import type ProducerModuleService from "../modules/producer/service"
import { TRACEABILITY_MODULE } from "../modules/traceability"
import type TraceabilityModuleService from "../modules/traceability/service"

/**
 * The orders whose producer named this lot when shipping (lot_shipment_line), one row per order with the lines and
 * the state of the producer's part: the list a recall has to reach. Newest order first.
 */
export async function readLotOrders(container: MedusaContainer, lotId: string): Promise<LotOrder[]> {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const rows = await service.listLotShipmentLines({ lot_id: lotId }, { select: ["order_id", "line_item_id", "producer_id"] })
  if (!rows.length) return []
  const orderIds = [...new Set(rows.map((r) => r.order_id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const [{ data: orders }, parts] = await Promise.all([
    query.graph({ entity: "order", fields: ["id", "display_id", "status", "created_at"], filters: { id: orderIds } }),
    producers.listProducerShipments({ order_id: orderIds, producer_id: [...new Set(rows.map((r) => r.producer_id))] }),
  ])
  const orderOf = new Map(orders.map((o: Record<string, any>) => [o.id, o]))
  return orderIds
    .map((orderId) => {
      const own = rows.filter((r) => r.order_id === orderId)
      const order = orderOf.get(orderId)
      const part = parts.find((p) => p.order_id === orderId && p.producer_id === own[0].producer_id)
      return {
        order_id: orderId,
        display_id: order?.display_id ?? null,
        placed_at: order?.created_at ? new Date(order.created_at).toISOString() : null,
        order_status: order?.status ?? null,
        line_item_ids: own.map((r) => r.line_item_id),
        part_status: part?.status ?? null,
        shipped_at: part?.shipped_at ? new Date(part.shipped_at).toISOString() : null,
      } satisfies LotOrder
    })
    .sort((a, b) => (b.placed_at ?? "").localeCompare(a.placed_at ?? ""))
}
