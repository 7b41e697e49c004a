import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import { countProvinceProducts } from "./count-province-products"

/** GET /store/provinces — the 34 provinces with their published products of the key's sales channels, by star tier. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  res.json(await countProvinceProducts(req.scope, req.publishable_key_context?.sales_channel_ids ?? []))
}
