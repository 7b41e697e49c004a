import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { parseRequest } from "../../../utils/parse-request"
import { searchProducts } from "../../../utils/product-search"
import { StoreSearchProducts } from "./validators"

/**
 * GET /store/ocop/search — what buyers type, with or without diacritics, plus filters (stars, province by any
 * name, group, producer type, stock, price), facet counts, sort and pagination. Published products of the
 * key's sales channels only.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const params = parseRequest(StoreSearchProducts, req.query)
  res.json(await searchProducts(req.scope, params, req.publishable_key_context?.sales_channel_ids ?? []))
}
