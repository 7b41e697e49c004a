import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { listActiveFeaturedLists, presentStoreLists } from "../read-store-lists"

/** GET /store/featured-lists/:handle — one active list with its products in order; a draft or ended one is 404. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const lists = await listActiveFeaturedLists(req.scope, { handle: req.params.handle })
  const [list] = await presentStoreLists(req.scope, lists, req.publishable_key_context?.sales_channel_ids ?? [])
  if (!list) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Featured list "${req.params.handle}" was not found`)
  res.json({ featured_list: list })
}
