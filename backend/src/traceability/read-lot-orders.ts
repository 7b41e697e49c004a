import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LotOrder, OperatorLotOrder, ProducerOrderLine } from "@ocop/contracts"
import { PRODUCER_MODULE } from "../modules/producer"
import type ProducerModuleService from "../modules/producer/service"
import { TRACEABILITY_MODULE } from "../modules/traceability"
import type TraceabilityModuleService from "../modules/traceability/service"

/**
 * For each lot, the orders whose producer named it when shipping (lot_shipment_line), one row per order with the
 * lines, the units from the lot and the state of the producer's part: the list a recall has to reach. Newest order
 * first. The one home of "affected orders" for the producer's lot page, both recall answers and the operator's list;
 * only the operator's list carries the buyer's e-mail (`withEmail`).
 */
export async function readOrdersOfLots(container: MedusaContainer, lotIds: string[]): Promise<Map<string, LotOrder[]>>
export async function readOrdersOfLots(
  container: MedusaContainer,
  lotIds: string[],
  options: { withEmail: true }
): Promise<Map<string, OperatorLotOrder[]>>
export async function readOrdersOfLots(
  container: MedusaContainer,
  lotIds: string[],
  options: { withEmail?: boolean } = {}
): Promise<Map<string, (LotOrder | OperatorLotOrder)[]>> {
  const byLot = new Map<string, (LotOrder | OperatorLotOrder)[]>(lotIds.map((id) => [id, []]))
  if (!lotIds.length) return byLot
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const rows = await service.listLotShipmentLines({ lot_id: lotIds }, { select: ["lot_id", "order_id", "line_item_id", "producer_id", "quantity"] })
  if (!rows.length) return byLot
  const orderIds = [...new Set(rows.map((r) => r.order_id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const [{ data: orders }, parts] = await Promise.all([
    query.graph({ entity: "order", fields: ["id", "display_id", "status", "created_at", "email"], filters: { id: orderIds } }),
    producers.listProducerShipments({ order_id: orderIds, producer_id: [...new Set(rows.map((r) => r.producer_id))] }),
  ])
  const orderOf = new Map(orders.map((o: Record<string, any>) => [o.id, o]))
  for (const lotId of lotIds) {
    const ofLot = rows.filter((r) => r.lot_id === lotId)
    const listed = [...new Set(ofLot.map((r) => r.order_id))].map((orderId) => {
      const own = ofLot.filter((r) => r.order_id === orderId)
      const order = orderOf.get(orderId)
      const part = parts.find((p) => p.order_id === orderId && p.producer_id === own[0].producer_id)
      const lotOrder = {
        order_id: orderId,
        display_id: order?.display_id ?? null,
        placed_at: order?.created_at ? new Date(order.created_at).toISOString() : null,
        order_status: order?.status ?? null,
        line_item_ids: own.map((r) => r.line_item_id),
        // A row recorded before quantities per lot says the lot was used, not how much: the total is then unknown.
        quantity: own.some((r) => r.quantity == null) ? null : own.reduce((sum, r) => sum + Number(r.quantity), 0),
        part_status: part?.status ?? null,
        shipped_at: part?.shipped_at ? new Date(part.shipped_at).toISOString() : null,
      } satisfies LotOrder
      return options.withEmail ? ({ ...lotOrder, email: order?.email ?? null } satisfies OperatorLotOrder) : lotOrder
    })
    byLot.set(
      lotId,
      listed.sort((a, b) => (b.placed_at ?? "").localeCompare(a.placed_at ?? ""))
    )
  }
  return byLot
}

/** The orders that shipped one lot (see readOrdersOfLots). */
export async function readLotOrders(container: MedusaContainer, lotId: string): Promise<LotOrder[]> {
  return (await readOrdersOfLots(container, [lotId])).get(lotId) ?? []
}

export type LineLot = ProducerOrderLine["lots"][number]

/**
 * For each order line, the lots its producer named when shipping it (code, public code, units), oldest lot code
 * first: the producer's order list shows them per line. Withdrawn lots are still listed (the units left with them).
 */
export async function readLotsOfLines(container: MedusaContainer, lineItemIds: string[]): Promise<Map<string, LineLot[]>> {
  const byLine = new Map<string, LineLot[]>(lineItemIds.map((id) => [id, []]))
  if (!lineItemIds.length) return byLine
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const rows = await service.listLotShipmentLines({ line_item_id: lineItemIds }, { select: ["lot_id", "line_item_id", "quantity"] })
  if (!rows.length) return byLine
  const lots = await service.listLots({ id: [...new Set(rows.map((r) => r.lot_id))] }, { select: ["id", "code", "public_code"], withDeleted: true })
  const lotOf = new Map(lots.map((l) => [l.id, l]))
  for (const row of rows) {
    const lot = lotOf.get(row.lot_id)
    if (!lot) continue
    byLine
      .get(row.line_item_id)
      ?.push({ lot_id: lot.id, code: lot.code, public_code: lot.public_code, quantity: row.quantity == null ? null : Number(row.quantity) })
  }
  for (const list of byLine.values()) list.sort((a, b) => a.code.localeCompare(b.code))
  return byLine
}
