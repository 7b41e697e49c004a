import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveProducerClaimWorkflow } from "../../../../../workflows/producer/approve-producer-claim"

/** POST /admin/producer-claims/:id/approve — the claiming member now manages the producer. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await approveProducerClaimWorkflow(req.scope).run({ input: { claim_id: req.params.id } })
  res.json({
    claim: { id: result.claim.id, status: "approved", producer_id: result.claim.producer_id },
    member: { id: result.member.id, producer_id: result.member.producer_id, role: result.member.role },
  })
}
