import type { z } from "@medusajs/framework/zod"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminUpdateCertification } from "../../validators"
import { updateCertificationWorkflow } from "../../../../../workflows/ocop/update-certification"
import { presentCertification } from "../../../../utils/present-ocop"
import { readOperator } from "../../../recorded-by"

/** POST /admin/ocop/certifications/:id — corrects a certificate or changes its status (revoke, expire). */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateCertification>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await updateCertificationWorkflow(req.scope).run({
    input: { id: req.params.id, ...body, recorded_by: await readOperator(req) },
  })
  res.json({ certification: presentCertification(result) })
}
