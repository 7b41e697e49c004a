import type { MedusaResponse } from "@medusajs/framework/http"
import { approveProducerClaimWorkflow } from "../../../../../workflows/producer/approve-producer-claim"
import type { CuratorRequest } from "../../../scope"
import { readScopedClaim } from "../../scoped-claims"

/** POST /curator/claims/:id/approve — the claiming member now manages the producer (the operator's workflow). */
export const POST = async (req: CuratorRequest, res: MedusaResponse) => {
  const { claim } = await readScopedClaim(req.scope, req.curator.province_codes, req.params.id)
  const { result } = await approveProducerClaimWorkflow(req.scope).run({ input: { claim_id: claim.id } })
  res.json({
    claim: { id: result.claim.id, status: "approved", producer_id: result.claim.producer_id },
    member: { id: result.member.id, producer_id: result.member.producer_id, role: result.member.role },
  })
}
