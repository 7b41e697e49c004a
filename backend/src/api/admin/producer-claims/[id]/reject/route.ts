import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectProducerClaimWorkflow } from "../../../../../workflows/producer/reject-producer-claim"

/** POST /admin/producer-claims/:id/reject — the claim is closed; the member stays without a producer. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await rejectProducerClaimWorkflow(req.scope).run({ input: { claim_id: req.params.id } })
  res.json({ claim: { id: result.id, status: result.status, producer_id: result.producer_id } })
}
