import type { MedusaResponse } from "@medusajs/framework/http"
import type { Presented, ProducerOrder, ProducerOrderList } from "@ocop/contracts"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { ProducerListQuery } from "../validators"
import type { ProducerRequest } from "../scope"
import { readLotsOfLines, type LineLot } from "../../../traceability/read-lot-orders"
import { listProducerLines, readOrders } from "./producer-orders"

/** GET /producer/orders — orders with at least one own line; each shows only own lines and own shipment. */
export const GET = async (req: ProducerRequest<unknown, ProducerListQuery>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const lines = await listProducerLines(req.scope, req.membership.producer_id)
  const orderIds = [...new Set<string>(lines.map((l: { order_id: string }) => l.order_id))]
  if (!orderIds.length) return res.json({ orders: [], count: 0, limit, offset } satisfies ProducerOrderList)
  const { data: orders, metadata } = await readOrders(req.scope, orderIds, { take: limit, skip: offset })
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const shipments = await producers.listProducerShipments({
    producer_id: req.membership.producer_id,
    order_id: orders.map((o: any) => o.id),
  })
  const listed = new Set(orders.map((o: any) => o.id))
  const lots = await readLotsOfLines(
    req.scope,
    lines.filter((l) => listed.has(l.order_id)).map((l) => l.id)
  )
  res.json({
    orders: orders.map((order: any) => presentProducerOrder(order, lines, shipments, lots)),
    count: metadata?.count ?? orderIds.length,
    limit,
    offset,
  } satisfies Presented<ProducerOrderList>)
}

export function presentProducerOrder(
  order: any,
  lines: Awaited<ReturnType<typeof listProducerLines>>,
  shipments: any[],
  lots: Map<string, LineLot[]>
) {
  const own = lines.filter((l) => l.order_id === order.id)
  const shipment = shipments.find((s) => s.order_id === order.id)
  return {
    id: order.id,
    display_id: order.display_id,
    status: order.status,
    created_at: order.created_at,
    currency_code: order.currency_code,
    shipping_address: order.shipping_address ?? null,
    items: own.map(({ order_id: _order, ...line }) => ({ ...line, lots: lots.get(line.id) ?? [] })),
    subtotal: own.reduce((sum, l) => sum + l.unit_price * l.quantity, 0),
    shipment: shipment
      ? {
          id: shipment.id,
          status: shipment.status,
          subtotal: Number(shipment.subtotal ?? 0),
          carrier: shipment.carrier,
          tracking_number: shipment.tracking_number,
          shipped_at: shipment.shipped_at,
          delivered_at: shipment.delivered_at ?? null,
          canceled_at: shipment.canceled_at ?? null,
          updated_at: shipment.updated_at,
        }
      : null,
  } satisfies Presented<ProducerOrder>
}
