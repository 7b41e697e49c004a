import { MathBN } from "@medusajs/framework/utils"
import { computeShippingFees, resolveShippingTerms, type PartFee, type ShippingTerms } from "@ocop/domain"
import ProductProducerLink from "../links/product-producer"

/** The provider id (`<identifier>_<id>`) of the per-producer delivery option; see modules/fulfillment-producer. */
export const PRODUCER_SHIPPING_PROVIDER_ID = "producer-shipping_ocop"

type Query = { graph: (config: any) => Promise<{ data: any[] }> }
export type FeeLine = { product_id?: string | null; unit_price?: unknown; quantity?: unknown }
export type ProducerPartFee = PartFee & { producer_name: string | null }

/** Query answers prices and quantities as big numbers; VND has no minor unit, so the product in whole đồng is exact. */
export const lineSubtotal = (line: FeeLine) =>
  Math.round(
    MathBN.convert((line.unit_price ?? 0) as any)
      .multipliedBy(MathBN.convert((line.quantity ?? 0) as any))
      .toNumber()
  )

/**
 * The delivery fee of each producer's part of these lines (cart or order) and their sum — what the per-producer
 * shipping option charges, what the cart and checkout show and what each order part records. The rule itself is
 * `computeShippingFees` in @ocop/domain; this reads each product's producer (product ↔ producer link) and the
 * producer's own terms, falling back to the operator's defaults (config `shippingDefaults`).
 */
export async function computeLineShippingFees(
  query: Query,
  lines: readonly FeeLine[],
  defaults: ShippingTerms
): Promise<{ parts: ProducerPartFee[]; total: number }> {
  const productIds = [...new Set(lines.map((l) => l.product_id).filter((id): id is string => !!id))]
  const { data: links } = productIds.length
    ? await query.graph({ entity: ProductProducerLink.entryPoint, fields: ["product_id", "producer_id"], filters: { product_id: productIds } })
    : { data: [] }
  const producerOf = new Map<string, string>(links.map((l) => [l.product_id, l.producer_id]))
  const producerIds = [...new Set(producerOf.values())]
  const { data: producers } = producerIds.length
    ? await query.graph({ entity: "producer", fields: ["id", "name", "shipping_fee", "free_shipping_from"], filters: { id: producerIds } })
    : { data: [] }
  const byId = new Map<string, any>(producers.map((p) => [p.id, p]))
  const { parts, total } = computeShippingFees(
    lines.map((l) => ({ producer_id: l.product_id ? producerOf.get(l.product_id) : null, subtotal: lineSubtotal(l) })),
    (id) => resolveShippingTerms(byId.get(id), defaults)
  )
  return { parts: parts.map((p) => ({ ...p, producer_name: byId.get(p.producer_id)?.name ?? null })), total }
}
