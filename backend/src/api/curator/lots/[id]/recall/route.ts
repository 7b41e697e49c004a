import type { MedusaResponse } from "@medusajs/framework/http"
import type { LotRecallAnswer, Presented } from "@ocop/contracts"
import { readLotOrders } from "../../../../../traceability/read-lot-orders"
import { recallLotWorkflow } from "../../../../../workflows/traceability/recall-lot"
import { readStaffLot } from "../../../../producer/lots/read-producer-lot"
import type { RecallLot } from "../../../../producer/lots/validators"
import type { CuratorLotRequest } from "../../scope"

/**
 * POST /curator/lots/:id/recall — a province's curator recalls a lot of one of its province's products (scoped in
 * middleware: requireProvinceLot); the answer lists the orders that shipped units of it, as the producer's recall does.
 */
export const POST = async (req: CuratorLotRequest<RecallLot>, res: MedusaResponse) => {
  await recallLotWorkflow(req.scope).run({
    input: { lot_id: req.lot.id, reason: req.validatedBody.reason, recalled_by: { type: "curator", id: req.curator.record.id } },
  })
  const [lot, affected_orders] = await Promise.all([readStaffLot(req.scope, req.lot.id), readLotOrders(req.scope, req.lot.id)])
  res.json({ lot, affected_orders } satisfies Presented<LotRecallAnswer>)
}
