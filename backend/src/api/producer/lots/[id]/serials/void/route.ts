import type { MedusaResponse } from "@medusajs/framework/http"
import type { Presented, VoidedLotSerials } from "@ocop/contracts"
import { voidLotSerialsWorkflow } from "../../../../../../workflows/traceability/void-lot-serials"
import { readLotSerials } from "../../../read-lot-serials"
import type { ProducerLotRequest } from "../../../scope"
import type { VoidLotSerials } from "../../../validators"

/**
 * POST /producer/lots/:id/serials/void `{ serials } | { batch_id }, reason` — voids serials whose labels were lost,
 * stolen or misprinted: their checks then answer "voided" and never "first". Answers how many this request voided,
 * how many were void already (a repeated request is a no-op), and the lot's serials.
 */
export const POST = async (req: ProducerLotRequest<VoidLotSerials>, res: MedusaResponse) => {
  const { result } = await voidLotSerialsWorkflow(req.scope).run({ input: { lot_id: req.lot.id, ...req.validatedBody } })
  const serials = await readLotSerials(req.scope, req.lot)
  res.json({ ...serials, ...result } satisfies Presented<VoidedLotSerials>)
}
