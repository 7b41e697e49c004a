import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { listProducerProductIds } from "../../utils/ocop-catalog"

export type ProducerLine = {
  id: string
  order_id: string
  product_id: string
  variant_id: string | null
  title: string
  variant_title: string | null
  quantity: number
  unit_price: number
}

/**
 * The producer's line items, found from its products (product ↔ producer link) rather than from orders, so an
 * order with lines of several producers yields only this producer's lines.
 */
export async function listProducerLines(scope: MedusaContainer, producerId: string, orderIds?: string[]) {
  const productIds = await listProducerProductIds(scope, producerId)
  if (!productIds.length) return []
  const orders = scope.resolve(Modules.ORDER) as any
  const lines = await orders.listOrderLineItems(
    { product_id: productIds },
    { select: ["id", "product_id", "variant_id", "title", "variant_title", "unit_price"] }
  )
  if (!lines.length) return []
  // Line items reach their order through order_item, which also holds the quantity (one row per order version,
  // the latest wins); the service Medusa generates for the model lists them.
  const orderItems: { item_id: string; order_id: string; quantity: unknown; version: number }[] = await orders.listOrderItems(
    { item_id: lines.map((l: any) => l.id), ...(orderIds ? { order_id: orderIds } : {}) },
    { select: ["item_id", "order_id", "quantity", "version"], order: { version: "ASC" } }
  )
  const orderItemOf = new Map(orderItems.map((oi) => [oi.item_id, oi]))
  return lines
    .filter((l: any) => orderItemOf.has(l.id))
    .map((l: any): ProducerLine => ({
      id: l.id,
      order_id: orderItemOf.get(l.id)!.order_id,
      product_id: l.product_id,
      variant_id: l.variant_id ?? null,
      title: l.title,
      variant_title: l.variant_title ?? null,
      quantity: Number(orderItemOf.get(l.id)!.quantity),
      unit_price: Number(l.unit_price),
    }))
}

export const PRODUCER_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "currency_code",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.phone",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.city",
  "shipping_address.province",
]

export async function readOrders(scope: MedusaContainer, ids: string[], pagination?: { take: number; skip: number }) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  return query.graph({
    entity: "order",
    fields: PRODUCER_ORDER_FIELDS,
    filters: { id: ids, status: { $nin: ["draft"] } },
    ...(pagination ? { pagination: { ...pagination, order: { created_at: "DESC" } } } : {}),
  })
}
