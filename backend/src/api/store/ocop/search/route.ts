import type { z } from "@medusajs/framework/zod"
import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { searchProducts } from "../../../utils/product-search"
import { cachedSearch } from "../../../utils/search-cache"
import type { StoreSearchProducts } from "./validators"

/**
 * GET /store/ocop/search — what buyers type, with or without diacritics, plus filters (stars, province by any
 * name, group, producer type, stock, price), facet counts, sort and pagination. Published products of the
 * key's sales channels only.
 */
export const GET = async (req: MedusaStoreRequest<unknown, z.infer<typeof StoreSearchProducts>>, res: MedusaResponse) => {
  const params = req.validatedQuery
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  const key = JSON.stringify([params, channels])
  res.json(await cachedSearch(key, () => searchProducts(req.scope, params, channels)))
}
