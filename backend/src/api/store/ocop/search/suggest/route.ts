import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { parseRequest } from "../../../../utils/parse-request"
import { suggestProducts } from "../../../../utils/product-search"
import { cachedSearch } from "../../../../utils/search-cache"
import { StoreSuggestProducts } from "../validators"

/** GET /store/ocop/search/suggest?q=mat o — up to 8 products for search-as-you-type. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const { q } = parseRequest(StoreSuggestProducts, req.query)
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  const suggestions = await cachedSearch(JSON.stringify(["suggest", q, channels]), async () => ({
    suggestions: await suggestProducts(req.scope, q, channels),
  }))
  res.json(suggestions)
}
