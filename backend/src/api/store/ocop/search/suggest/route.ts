import type { z } from "@medusajs/framework/zod"
import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { suggestProducts } from "../../../../utils/product-search"
import { cachedSearch } from "../../../../utils/search-cache"
import type { StoreSuggestProducts } from "../validators"

/** GET /store/ocop/search/suggest?q=mat o — up to 8 products for search-as-you-type. */
export const GET = async (req: MedusaStoreRequest<unknown, z.infer<typeof StoreSuggestProducts>>, res: MedusaResponse) => {
  const { q } = req.validatedQuery
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  const suggestions = await cachedSearch(JSON.stringify(["suggest", q, channels]), async () => ({
    suggestions: await suggestProducts(req.scope, q, channels),
  }))
  res.json(suggestions)
}
