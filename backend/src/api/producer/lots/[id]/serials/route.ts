import type { MedusaResponse } from "@medusajs/framework/http"
import type { IssuedLotSerials, Presented } from "@ocop/contracts"
import { issueLotSerialsWorkflow } from "../../../../../workflows/traceability/issue-lot-serials"
import { presentSerialBatch, readLotSerials } from "../../read-lot-serials"
import type { ProducerLotRequest } from "../../scope"
import type { IssueLotSerials } from "../../validators"

/** GET /producer/lots/:id/serials — the lot's per-unit serials: issued, cap, checked, checked more than once, batches. */
export const GET = async (req: ProducerLotRequest, res: MedusaResponse) => {
  res.json(await readLotSerials(req.scope, req.lot))
}

/**
 * POST /producer/lots/:id/serials `{ count, request_key }` — issues `count` serials (one label sheet). 201 with the
 * new batch; 200 with the same batch when this `request_key` already issued it (a retry), nothing new written.
 */
export const POST = async (req: ProducerLotRequest<IssueLotSerials>, res: MedusaResponse) => {
  const { result } = await issueLotSerialsWorkflow(req.scope).run({ input: { lot_id: req.lot.id, ...req.validatedBody } })
  const serials = await readLotSerials(req.scope, req.lot)
  res.status(result.created ? 201 : 200).json({ ...serials, batch: presentSerialBatch(result.batch) } satisfies Presented<IssuedLotSerials>)
}
