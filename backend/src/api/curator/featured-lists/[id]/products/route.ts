import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../../scope"
import { curatorFeaturedScope } from "../../scope"
import { readScopedFeaturedList, reorderFeaturedList } from "../../../../featured/handlers"
import type { ReorderFeaturedList } from "../../../../featured/validators"

/** POST …/featured-lists/:id/products — the same products in a new order. */
export const POST = async (req: CuratorRequest<ReorderFeaturedList>, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, curatorFeaturedScope(req), req.params.id)
  res.json({ featured_list: await reorderFeaturedList(req.scope, list, req.validatedBody.products) })
}
