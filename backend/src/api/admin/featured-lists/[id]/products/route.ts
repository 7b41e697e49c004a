import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { operatorFeaturedScope } from "../../scope"
import { readScopedFeaturedList, reorderFeaturedList } from "../../../../featured/handlers"
import type { ReorderFeaturedList } from "../../../../featured/validators"

/** POST …/featured-lists/:id/products — the same products in a new order. */
export const POST = async (req: AuthenticatedMedusaRequest<ReorderFeaturedList>, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, await operatorFeaturedScope(req), req.params.id)
  res.json({ featured_list: await reorderFeaturedList(req.scope, list, req.validatedBody.products) })
}
