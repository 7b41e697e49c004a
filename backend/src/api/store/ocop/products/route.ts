import type { z } from "@medusajs/framework/zod"
import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreListOcopProducts } from "../validators"
import {
  escapeLikePattern,
  listCertifiedProductIds,
  listProducerProductIds,
  listSalesChannelProductIds,
  resolveQuery,
  STORE_PRODUCT_FIELDS,
  vndPricingContext,
} from "../../../utils/ocop-catalog"
import { presentStoreProduct } from "../../../utils/present-ocop"

/**
 * GET /store/ocop/products — published OCOP products of the key's sales channels, filtered by star tier,
 * province (current or pre-2025 name), QĐ 148 group and producer, each with its current certificate.
 */
export const GET = async (req: MedusaStoreRequest<unknown, z.infer<typeof StoreListOcopProducts>>, res: MedusaResponse) => {
  const params = req.validatedQuery
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []

  let candidateIds: string[] | undefined
  if (params.stars || params.province || params.group) {
    candidateIds = await listCertifiedProductIds(req.scope, {
      stars: params.stars,
      province_code: params.province,
      group: params.group,
    })
  }
  if (params.producer_id) {
    const producerIds = await listProducerProductIds(req.scope, params.producer_id)
    candidateIds = candidateIds ? candidateIds.filter((id) => producerIds.includes(id)) : producerIds
  }
  const visibleIds = candidateIds && candidateIds.length === 0 ? [] : await listSalesChannelProductIds(req.scope, salesChannelIds, candidateIds)

  if (!visibleIds.length) {
    res.json({ products: [], count: 0, offset: params.offset, limit: params.limit })
    return
  }

  const [orderField, direction] = params.order.startsWith("-") ? [params.order.slice(1), "DESC" as const] : [params.order, "ASC" as const]
  const { data: products, metadata } = await resolveQuery(req.scope).graph({
    entity: "product",
    fields: STORE_PRODUCT_FIELDS,
    filters: { id: visibleIds, status: "published", ...(params.q ? { q: escapeLikePattern(params.q) } : {}) },
    pagination: { skip: params.offset, take: params.limit, order: { [orderField]: direction } },
    context: vndPricingContext(params.region_id),
  })

  res.json({
    products: products.map((p: Record<string, any>) => presentStoreProduct(p)),
    count: metadata?.count ?? products.length,
    offset: params.offset,
    limit: params.limit,
  })
}
