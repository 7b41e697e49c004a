import type { z } from "@medusajs/framework/zod"
import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreGetOcopProduct } from "../../validators"
import {
  DETAIL_EXTRA_FIELDS,
  listSalesChannelProductIds,
  resolveQuery,
  STORE_PRODUCT_FIELDS,
  vndPricingContext,
} from "../../../../utils/ocop-catalog"
import { presentStoreProduct } from "../../../../utils/present-ocop"

/** GET /store/ocop/products/:id — one product by id or handle, with certificate, history, producer and origin. */
export const GET = async (req: MedusaStoreRequest<unknown, z.infer<typeof StoreGetOcopProduct>>, res: MedusaResponse) => {
  const params = req.validatedQuery
  const key = req.params.id
  const { data: products } = await resolveQuery(req.scope).graph({
    entity: "product",
    fields: [...STORE_PRODUCT_FIELDS, ...DETAIL_EXTRA_FIELDS],
    filters: { ...(key.startsWith("prod_") ? { id: key } : { handle: key }), status: "published" },
    context: vndPricingContext(params.region_id),
  })
  const product = products[0]
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const sold = product && (await listSalesChannelProductIds(req.scope, salesChannelIds, [product.id])).length > 0
  if (!sold) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product "${key}" was not found`)
  }
  res.json({ product: presentStoreProduct(product, true) })
}
