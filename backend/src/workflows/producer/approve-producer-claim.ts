import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../modules/producer"
import type ProducerModuleService from "../../modules/producer/service"

/** Approves only a pending claim, in one conditional UPDATE: of two approvals at once, one wins, the other gets 400. */
const decideClaimStep = createStep(
  "approve-claim-decision",
  async (input: { claim_id: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const claim = await producers.decideProducerClaim(input.claim_id, "approved")
    return new StepResponse(claim, claim.id)
  },
  async (claimId, { container }) => {
    if (!claimId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerClaims({ id: claimId, status: "pending", decided_at: null })
  }
)

const attachMemberStep = createStep(
  "attach-member-to-producer",
  async (input: { member_id: string; producer_id: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    // Two claims on one producer approved at once must not both find "no owner yet": one at a time per producer.
    const locking = container.resolve(Modules.LOCKING)
    const { updated, previous } = await locking.execute(`producer-members:${input.producer_id}`, async () => {
      const member = await producers.retrieveProducerMember(input.member_id)
      if (member.producer_id && member.producer_id !== input.producer_id) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "claim: the member already belongs to another producer")
      }
      // The first person a producer is handed to owns it; later approvals join as members.
      const owners = await producers.listProducerMembers({ producer_id: input.producer_id, role: "owner" })
      const updated = await producers.updateProducerMembers({
        id: member.id,
        producer_id: input.producer_id,
        role: owners.length ? "member" : "owner",
      })
      return { updated, previous: { id: member.id, producer_id: member.producer_id, role: member.role } }
    })
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerMembers(previous)
  }
)

/** The operator hands an imported producer to the member who claimed it. */
export const approveProducerClaimWorkflow = createWorkflow("approve-producer-claim", (input: { claim_id: string }) => {
  const claim = decideClaimStep(input)
  const member = attachMemberStep({ member_id: claim.member_id, producer_id: claim.producer_id })
  return new WorkflowResponse({ claim, member })
})
