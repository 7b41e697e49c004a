import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"

/** POST /admin/producer-claims/:id/reject — the claim is closed; the member stays without a producer. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const [claim] = await producers.listProducerClaims({ id: req.params.id })
  if (!claim) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Claim "${req.params.id}" was not found`)
  if (claim.status !== "pending") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `claim: already ${claim.status}`)
  const updated = await producers.updateProducerClaims({ id: claim.id, status: "rejected", decided_at: new Date() })
  res.json({ claim: { id: updated.id, status: updated.status, producer_id: updated.producer_id } })
}
