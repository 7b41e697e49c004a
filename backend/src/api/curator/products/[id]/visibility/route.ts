import type { MedusaResponse } from "@medusajs/framework/http"
import { setListingVisibilityWorkflow } from "../../../../../workflows/curator/set-listing-visibility"
import { resolveQuery } from "../../../../utils/ocop-catalog"
import { pickCurrentCertification } from "../../../../utils/present-ocop"
import { notFound, type CuratorRequest } from "../../../scope"
import type { CuratorSetListingVisibility } from "../../../validators"
import { presentVisibilityChange } from "../visibility-history"

/**
 * POST /curator/products/:id/visibility { hidden, reason } — hides a listing of the curator's provinces from the
 * store and the search, or shows it again; the change is kept with who and when.
 */
export const POST = async (req: CuratorRequest<CuratorSetListingVisibility>, res: MedusaResponse) => {
  const { data } = await resolveQuery(req.scope).graph({
    entity: "product",
    fields: ["id", "certifications.*"],
    filters: { id: req.params.id },
  })
  const current = data[0] ? pickCurrentCertification(data[0].certifications) : null
  if (!current || !req.curator.province_codes.includes(current.province_code)) throw notFound("Product", req.params.id)
  const { result } = await setListingVisibilityWorkflow(req.scope).run({
    input: { product_id: data[0].id, ...req.validatedBody, recorded_by: req.curator.recorded_by },
  })
  res.json({ visibility_change: presentVisibilityChange(result) })
}
