import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateCuratorWorkflow } from "../../../../workflows/curator/update-curator"
import { presentCurator } from "../../../curator/scope"
import type { AdminUpdateCurator } from "../validators"

/**
 * POST /admin/curators/:id — `{ province_codes?, scope?, name?, active? }`: rebind to other provinces, make
 * national, rename, deactivate (`active: false`) or reactivate. Applies to the curator's next request.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCurator>, res: MedusaResponse) => {
  const { result } = await updateCuratorWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ curator: presentCurator(result) })
}
