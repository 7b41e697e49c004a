import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseRequest } from "../../../../../utils/parse-request"
import { AdminAssignProducer } from "../../../../ocop/validators"
import { assignProducerWorkflow } from "../../../../../../workflows/producer/assign-producer"
import { presentProducer } from "../../../../../utils/present-ocop"

/** POST /admin/products/:id/ocop/producer — sets the product's producer (matched by name + province, else created). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { province, ...producer } = parseRequest(AdminAssignProducer, req.body)
  const { result } = await assignProducerWorkflow(req.scope).run({
    input: { product_id: req.params.id, producer: { ...producer, province_code: province } },
  })
  res.json({ producer: presentProducer(result, true) })
}
