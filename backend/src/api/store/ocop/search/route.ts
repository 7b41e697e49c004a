import type { z } from "@medusajs/framework/zod"
import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { OCOP_SEARCH_MODULE } from "../../../../modules/ocop-search"
import type OcopSearchService from "../../../../modules/ocop-search/service"
import type { StoreSearchProducts } from "./validators"

/**
 * GET /store/ocop/search — what buyers type, with or without diacritics, plus filters (stars, province by any
 * name, group, producer type, stock, price), facet counts, sort and pagination. Published products of the
 * key's sales channels only.
 */
export const GET = async (req: MedusaStoreRequest<unknown, z.infer<typeof StoreSearchProducts>>, res: MedusaResponse) => {
  const search: OcopSearchService = req.scope.resolve(OCOP_SEARCH_MODULE)
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  res.json(await search.searchProducts(req.validatedQuery, channels))
}
