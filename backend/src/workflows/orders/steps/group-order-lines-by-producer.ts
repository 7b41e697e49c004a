import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { computePartShippingFee, resolveShippingTerms } from "@ocop/domain"
import ProductProducerLink from "../../../links/product-producer"
import { readConfig } from "../../../lib/config"

export const groupOrderLinesByProducerStepId = "group-order-lines-by-producer"

export type ProducerGroup = { producer_id: string; line_item_ids: string[]; subtotal: number; shipping_fee: number }
export type GroupedOrder = { order_id: string; currency_code: string; groups: ProducerGroup[] }

/**
 * Reads the order's lines and the producer of each line's product (product ↔ producer link). A line whose product
 * has no producer (a custom line) belongs to no part: the operator ships it. Read only, nothing to undo.
 */
export const groupOrderLinesByProducerStep = createStep(groupOrderLinesByProducerStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", "items.product_id", "items.quantity", "items.unit_price", "shipping_methods.data"],
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
    const group = groups.get(producerId) ?? { producer_id: producerId, line_item_ids: [], subtotal: 0, shipping_fee: 0 }
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
  // Delivery charged per producer (the per-producer option marks its method): each part records its own fee by the
  // same rule the option priced the cart with. A flat option's fee belongs to no producer: the parts record 0.
  const perProducer = (order.shipping_methods ?? []).some((m: any) => m?.data?.per_producer === true)
  if (perProducer && groups.size) {
    const { data: producers } = await query.graph({
      entity: "producer",
      fields: ["id", "shipping_fee", "free_shipping_from"],
      filters: { id: [...groups.keys()] },
    })
    const defaults = readConfig().shippingDefaults
    for (const producer of producers as any[]) {
      const group = groups.get(producer.id)!
      group.shipping_fee = computePartShippingFee(group.subtotal, resolveShippingTerms(producer, defaults))
    }
  }
  const result: GroupedOrder = { order_id: order.id, currency_code: order.currency_code, groups: [...groups.values()] }
  return new StepResponse(result)
})
