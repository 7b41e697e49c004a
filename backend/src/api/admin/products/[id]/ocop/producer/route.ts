import type { z } from "@medusajs/framework/zod"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAssignProducer } from "../../../../ocop/validators"
import { assignProducerWorkflow } from "../../../../../../workflows/producer/assign-producer"
import { presentProducer } from "../../../../../utils/present-ocop"

/** POST /admin/products/:id/ocop/producer — sets the product's producer (matched by name + province, else created). */
export const POST = async (req: MedusaRequest<z.infer<typeof AdminAssignProducer>>, res: MedusaResponse) => {
  const { province, ...producer } = req.validatedBody
  const { result } = await assignProducerWorkflow(req.scope).run({
    input: { product_id: req.params.id, producer: { ...producer, province_code: province } },
  })
  res.json({ producer: presentProducer(result, true) })
}
