import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseRequest } from "../../../../utils/parse-request"
import { AdminUpdateCertification } from "../../validators"
import { updateCertificationWorkflow } from "../../../../../workflows/ocop/update-certification"
import { presentCertification } from "../../../../utils/present-ocop"
import { readOperator } from "../../../recorded-by"

/** POST /admin/ocop/certifications/:id — corrects a certificate or changes its status (revoke, expire). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseRequest(AdminUpdateCertification, req.body)
  const { result } = await updateCertificationWorkflow(req.scope).run({
    input: { id: req.params.id, ...body, recorded_by: await readOperator(req) },
  })
  res.json({ certification: presentCertification(result) })
}
