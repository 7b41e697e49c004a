import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreListFeaturedLists } from "../../featured/validators"
import { listActiveFeaturedLists, presentStoreLists } from "./read-store-lists"

/**
 * GET /store/featured-lists?province= — the active lists with their products: one province's, or (without
 * `province`) every active list, national ones first.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const { province } = req.validatedQuery as StoreListFeaturedLists
  const lists = await listActiveFeaturedLists(req.scope, province ? { province_code: province } : {})
  const ordered = province ? lists : [...lists.filter((l) => !l.province_code), ...lists.filter((l) => l.province_code)]
  const featured_lists = await presentStoreLists(req.scope, ordered, req.publishable_key_context?.sales_channel_ids ?? [])
  res.json({ featured_lists, count: featured_lists.length })
}
