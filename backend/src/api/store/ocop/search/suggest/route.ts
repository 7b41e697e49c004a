import type { z } from "@medusajs/framework/zod"
import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { OCOP_SEARCH_MODULE } from "../../../../../modules/ocop-search"
import type OcopSearchService from "../../../../../modules/ocop-search/service"
import type { StoreSuggestProducts } from "../validators"

/** GET /store/ocop/search/suggest?q=mat o — up to 8 products for search-as-you-type. */
export const GET = async (req: MedusaStoreRequest<unknown, z.infer<typeof StoreSuggestProducts>>, res: MedusaResponse) => {
  const search: OcopSearchService = req.scope.resolve(OCOP_SEARCH_MODULE)
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  res.json(await search.suggestProducts(req.validatedQuery.q, channels))
}
