import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

/**
 * Closes a pending claim in one conditional UPDATE (the same as approval): a rejection racing an approval, or two
 * rejections, cannot both win; the loser gets 400 `claim: already …`. The member stays without a producer.
 */
export const rejectProducerClaimStep = createStep(
  "reject-producer-claim",
  async (input: { claim_id: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const claim = await producers.decideProducerClaim(input.claim_id, "rejected")
    return new StepResponse(claim, claim.id)
  },
  async (claimId, { container }) => {
    if (!claimId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerClaims({ id: claimId, status: "pending", decided_at: null })
  }
)
