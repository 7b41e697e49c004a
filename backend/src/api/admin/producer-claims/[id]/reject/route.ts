import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"

/** POST /admin/producer-claims/:id/reject — the claim is closed; the member stays without a producer. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  // The same conditional update as approval: a rejection racing an approval cannot both win.
  const claim = await producers.decideProducerClaim(req.params.id, "rejected")
  res.json({ claim: { id: claim.id, status: claim.status, producer_id: claim.producer_id } })
}
