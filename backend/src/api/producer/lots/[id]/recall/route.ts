import type { MedusaResponse } from "@medusajs/framework/http"
import { readLotOrders } from "../../../../../traceability/read-lot-orders"
import { recallLotWorkflow } from "../../../../../workflows/traceability/recall-lot"
import { readStaffLot } from "../../read-producer-lot"
import type { ProducerLotRequest } from "../../scope"
import type { RecallLot } from "../../validators"

/**
 * POST /producer/lots/:id/recall — the producer withdraws its lot, with a reason the scan page shows; the answer lists
 * the orders that shipped units of it (their buyers are mailed: subscribers/lot-recalled-emails.ts).
 */
export const POST = async (req: ProducerLotRequest<RecallLot>, res: MedusaResponse) => {
  await recallLotWorkflow(req.scope).run({
    input: { lot_id: req.lot.id, reason: req.validatedBody.reason, recalled_by: { type: "producer", id: req.membership.member.id } },
  })
  const [lot, affected_orders] = await Promise.all([readStaffLot(req.scope, req.lot.id), readLotOrders(req.scope, req.lot.id)])
  res.json({ lot, affected_orders })
}
