import type { MedusaResponse } from "@medusajs/framework/http"
import { recallLotWorkflow } from "../../../../../workflows/traceability/recall-lot"
import { readStaffLot } from "../../read-producer-lot"
import type { ProducerLotRequest } from "../../scope"
import type { RecallLot } from "../../validators"

/** POST /producer/lots/:id/recall — the producer withdraws its lot, with a reason the scan page shows. */
export const POST = async (req: ProducerLotRequest<RecallLot>, res: MedusaResponse) => {
  await recallLotWorkflow(req.scope).run({
    input: { lot_id: req.lot.id, reason: req.validatedBody.reason, recalled_by: { type: "producer", id: req.membership.member.id } },
  })
  res.json({ lot: await readStaffLot(req.scope, req.lot.id) })
}
