import type { z } from "@medusajs/framework/zod"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCertifyProduct } from "../../../../ocop/validators"
import { certifyProductWorkflow } from "../../../../../../workflows/ocop/certify-product"
import { presentCertification } from "../../../../../utils/present-ocop"
import { readOperator } from "../../../../recorded-by"

/** POST /admin/products/:id/ocop/certifications — grants a new certificate (the previous one is superseded). */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof AdminCertifyProduct>>, res: MedusaResponse) => {
  const { province, note, ...body } = req.validatedBody
  const { result } = await certifyProductWorkflow(req.scope).run({
    input: {
      product_id: req.params.id,
      certification: { ...body, province_code: province, note, source: "admin", recorded_by: await readOperator(req) },
    },
  })
  res.status(201).json({ certification: presentCertification(result) })
}
