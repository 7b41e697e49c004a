import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import ProductProducerLink from "../../../links/product-producer"

export const groupOrderLinesByProducerStepId = "group-order-lines-by-producer"

export type ProducerGroup = { producer_id: string; line_item_ids: string[]; subtotal: number }
export type GroupedOrder = { order_id: string; currency_code: string; groups: ProducerGroup[] }

/**
 * Reads the order's lines and the producer of each line's product (product ↔ producer link). A line whose product
 * has no producer (a custom line) belongs to no part: the operator ships it. Read only, nothing to undo.
 */
export const groupOrderLinesByProducerStep = createStep(groupOrderLinesByProducerStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", "items.product_id", "items.quantity", "items.unit_price"],
    filters: { id: input.order_id },
  })
  const order = orders[0] as any
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${input.order_id}" was not found`)
  const items: { id: string; product_id: string | null; quantity: unknown; unit_price: unknown }[] = order.items ?? []
  // The quantity lives on order_item (one row per order version, the latest wins), as in the producer's order list.
  const orderItems: { item_id: string; quantity: unknown }[] = items.length
    ? await (container.resolve(Modules.ORDER) as any).listOrderItems(
        { order_id: order.id, item_id: items.map((i) => i.id) },
        { select: ["item_id", "quantity", "version"], order: { version: "ASC" } }
      )
    : []
  const quantityOf = new Map(orderItems.map((oi) => [oi.item_id, oi.quantity]))
  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]
  const { data: links } = productIds.length
    ? await query.graph({ entity: ProductProducerLink.entryPoint, fields: ["product_id", "producer_id"], filters: { product_id: productIds } })
    : { data: [] }
  const producerOf = new Map<string, string>((links as any[]).map((l) => [l.product_id, l.producer_id]))
  const groups = new Map<string, ProducerGroup>()
  for (const item of items) {
    const producerId = item.product_id ? producerOf.get(item.product_id) : undefined
    if (!producerId) continue
    const group = groups.get(producerId) ?? { producer_id: producerId, line_item_ids: [], subtotal: 0 }
    group.line_item_ids.push(item.id)
    // Query answers quantities and prices as big numbers (an object, not a JS number); VND has no minor unit, so
    // the product in whole đồng is exact.
    group.subtotal += Math.round(
      MathBN.convert(item.unit_price as any)
        .multipliedBy(MathBN.convert((quantityOf.get(item.id) ?? item.quantity ?? 0) as any))
        .toNumber()
    )
    groups.set(producerId, group)
  }
  const result: GroupedOrder = { order_id: order.id, currency_code: order.currency_code, groups: [...groups.values()] }
  return new StepResponse(result)
})
