import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertOwnProduct, type ProducerRequest } from "../scope"

export type OwnProduct = {
  id: string
  variants: { id: string; title: string | null }[]
  /** The warehouse stock is kept in: the first stock location of the product's sales channels, if any. */
  locationId?: string
}

/** An own listing's variants and warehouse, for the writes that change them; another producer's id answers 404. */
export async function readOwnProduct(req: ProducerRequest, productId: string): Promise<OwnProduct> {
  await assertOwnProduct(req, productId)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "variants.id", "variants.title", "sales_channels.stock_locations.id"],
    filters: { id: productId },
  })
  const product = data[0] as any
  return {
    id: product.id,
    variants: (product.variants ?? []).map((v: any) => ({ id: v.id, title: v.title ?? null })),
    locationId: (product.sales_channels ?? []).flatMap((sc: any) => sc?.stock_locations ?? [])[0]?.id,
  }
}
