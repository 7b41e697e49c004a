import type { MedusaResponse } from "@medusajs/framework/http"
import { createProducerClaimWorkflow } from "../../../workflows/producer/create-producer-claim"
import type { ProducerCreateClaim } from "../validators"
import type { MemberRequest } from "../scope"

/**
 * POST /producer/claims — a member without a producer asks to manage an imported one. Only producers nobody
 * manages yet can be claimed; a producer that has members invites new ones itself.
 */
export const POST = async (req: MemberRequest<ProducerCreateClaim>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result: claim } = await createProducerClaimWorkflow(req.scope).run({
    input: {
      member_id: req.membership.member.id,
      member_producer_id: req.membership.producer_id,
      producer_id: body.producer_id,
      message: body.message ?? null,
    },
  })
  res.status(201).json({ claim: { id: claim.id, producer_id: claim.producer_id, status: claim.status } })
}
