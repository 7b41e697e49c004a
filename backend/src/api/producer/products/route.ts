import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listProducerProductIds } from "../../utils/ocop-catalog"
import type { ProducerListQuery } from "../validators"
import type { ProducerRequest } from "../scope"
import { presentProducerProduct, PRODUCER_PRODUCT_FIELDS } from "./present-producer-product"

/** GET /producer/products — the producer's own listings (drafts included), newest change first. */
export const GET = async (req: ProducerRequest<unknown, ProducerListQuery>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const ids = await listProducerProductIds(req.scope, req.membership.producer_id)
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: PRODUCER_PRODUCT_FIELDS,
    filters: { id: ids },
    pagination: { take: limit, skip: offset, order: { updated_at: "DESC" } },
  })
  res.json({ products: data.map(presentProducerProduct), count: metadata?.count ?? ids.length, limit, offset })
}
