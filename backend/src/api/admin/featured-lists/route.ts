import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createFeaturedList, listScopedFeaturedLists } from "../../featured/handlers"
import type { AdminCreateFeaturedList, ListFeaturedLists } from "../../featured/validators"
import { operatorFeaturedScope } from "./scope"

/** GET /admin/featured-lists — every list, national and provincial, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listScopedFeaturedLists(req.scope, await operatorFeaturedScope(req), req.validatedQuery as ListFeaturedLists))
}

/** POST /admin/featured-lists — a new draft list: national unless `province` is given. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateFeaturedList>, res: MedusaResponse) => {
  const body = req.validatedBody
  const list = await createFeaturedList(req.scope, await operatorFeaturedScope(req), body, body.province ?? null)
  res.status(201).json({ featured_list: list })
}
