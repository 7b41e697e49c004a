import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

/** Closes a pending claim; the member stays without a producer. */
export const rejectProducerClaimStep = createStep(
  "reject-producer-claim",
  async (input: { claim_id: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const claim = await producers.retrieveProducerClaim(input.claim_id)
    if (claim.status !== "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `claim: already ${claim.status}`)
    }
    const updated = await producers.updateProducerClaims({ id: claim.id, status: "rejected", decided_at: new Date() })
    return new StepResponse(updated, claim.id)
  },
  async (claimId, { container }) => {
    if (!claimId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerClaims({ id: claimId, status: "pending", decided_at: null })
  }
)
