import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createProducerMemberWorkflow } from "../../../workflows/producer/create-producer-member"
import type { ProducerCreateMember } from "../validators"
import { presentMember } from "../present-member"
import { readIdentityEmail } from "../read-identity-email"

/**
 * POST /producer/members — after `/auth/producer/emailpass/register`, makes the new identity a member. The member
 * belongs to no producer until it claims one (POST /producer/claims) and an operator approves.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerCreateMember>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "account: already a producer member / tài khoản đã là thành viên")
  }
  const body = req.validatedBody
  const email = await readIdentityEmail(req)
  const { result } = await createProducerMemberWorkflow(req.scope).run({
    input: {
      auth_identity_id: req.auth_context.auth_identity_id,
      member: { email, name: body.name, role: "owner", producer_id: null },
    },
  })
  res.status(201).json({ member: presentMember(result) })
}
