import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../../scope"
import { curatorFeaturedScope } from "../../scope"
import { readScopedFeaturedList, updateFeaturedList } from "../../../../featured/handlers"

/** POST …/featured-lists/:id/publish — the shop shows a published list between its start and end. */
export const POST = async (req: CuratorRequest, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, curatorFeaturedScope(req), req.params.id)
  res.json({ featured_list: await updateFeaturedList(req.scope, list, { status: "published" }) })
}
