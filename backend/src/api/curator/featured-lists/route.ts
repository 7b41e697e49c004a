import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createFeaturedList, listScopedFeaturedLists } from "../../featured/handlers"
import type { CuratorCreateFeaturedList, ListFeaturedLists } from "../../featured/validators"
import type { CuratorRequest } from "../scope"
import { curatorFeaturedScope } from "./scope"

/** GET /curator/featured-lists — the lists of the curator's provinces, newest first. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  res.json(await listScopedFeaturedLists(req.scope, curatorFeaturedScope(req), req.validatedQuery as ListFeaturedLists))
}

/** POST /curator/featured-lists — a new draft list of one of the curator's provinces. */
export const POST = async (req: CuratorRequest<CuratorCreateFeaturedList>, res: MedusaResponse) => {
  const { province_codes } = req.curator
  const body = req.validatedBody
  // A curator of one province need not name it; one of several must choose.
  const province = body.province ?? (province_codes.length === 1 ? province_codes[0] : undefined)
  if (!province || !province_codes.includes(province)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `province: chọn một tỉnh của cán bộ / choose one of your provinces (${province_codes.join(", ")})`
    )
  }
  res.status(201).json({ featured_list: await createFeaturedList(req.scope, curatorFeaturedScope(req), body, province) })
}
