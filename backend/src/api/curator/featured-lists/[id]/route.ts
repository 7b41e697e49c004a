import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../scope"
import { curatorFeaturedScope } from "../scope"
import { deleteFeaturedList, presentFeaturedList, readScopedFeaturedList, updateFeaturedList } from "../../../featured/handlers"
import type { UpdateFeaturedList } from "../../../featured/validators"

/** GET …/featured-lists/:id — one list the caller reaches (another province's answers 404). */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, curatorFeaturedScope(req), req.params.id)
  res.json({ featured_list: presentFeaturedList(list) })
}

/** POST …/featured-lists/:id — title, description, products (checked against the list's province), dates. */
export const POST = async (req: CuratorRequest<UpdateFeaturedList>, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, curatorFeaturedScope(req), req.params.id)
  res.json({ featured_list: await updateFeaturedList(req.scope, list, req.validatedBody) })
}

/** DELETE …/featured-lists/:id — the list leaves the shop at once. */
export const DELETE = async (req: CuratorRequest, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, curatorFeaturedScope(req), req.params.id)
  res.json(await deleteFeaturedList(req.scope, list))
}
