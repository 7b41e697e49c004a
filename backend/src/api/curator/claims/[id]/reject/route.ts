import type { MedusaResponse } from "@medusajs/framework/http"
import { rejectProducerClaimWorkflow } from "../../../../../workflows/producer/reject-producer-claim"
import type { CuratorRequest } from "../../../scope"
import { readScopedClaim } from "../../scoped-claims"

/** POST /curator/claims/:id/reject — the claim is closed; the member stays without a producer. */
export const POST = async (req: CuratorRequest, res: MedusaResponse) => {
  const { claim } = await readScopedClaim(req.scope, req.curator.province_codes, req.params.id)
  const { result } = await rejectProducerClaimWorkflow(req.scope).run({ input: { claim_id: claim.id } })
  res.json({ claim: { id: result.id, status: result.status, producer_id: result.producer_id } })
}
