import type { MedusaResponse } from "@medusajs/framework/http"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { createLotWorkflow } from "../../../workflows/traceability/create-lot"
import type { ProducerRequest } from "../scope"
import { readStaffLot, readStaffLots } from "./read-producer-lot"
import { listOwnProductIds } from "./scope"
import type { ProducerCreateLot, ProducerListLots } from "./validators"

/** GET /producer/lots — the producer's lots, newest first; `product_id` narrows to one of its products. */
export const GET = async (req: ProducerRequest<unknown, ProducerListLots>, res: MedusaResponse) => {
  const { product_id, limit, offset } = req.validatedQuery as unknown as ProducerListLots
  const own = await listOwnProductIds(req)
  // Another producer's product id simply matches nothing.
  const productIds = product_id ? own.filter((id) => id === product_id) : own
  if (!productIds.length) return res.json({ lots: [], count: 0, limit, offset })
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [lots, count] = await service.listAndCountLots(
    { product_id: productIds },
    { relations: ["steps", "documents"], order: { made_on: "DESC", created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ lots: await readStaffLots(req.scope, lots), count, limit, offset })
}

/** POST /producer/lots — a new lot of one of the producer's products (checked in middleware), with its first steps. */
export const POST = async (req: ProducerRequest<ProducerCreateLot>, res: MedusaResponse) => {
  const { result } = await createLotWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ lot: await readStaffLot(req.scope, result.id) })
}
