import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { acceptProducerInviteWorkflow } from "../../../../workflows/producer/accept-producer-invite"
import type { ProducerAcceptInvite } from "../../validators"
import { presentMember } from "../../present-member"
import { readIdentityEmail } from "../../read-identity-email"

/** POST /producer/invites/accept — a freshly registered identity joins the producer that invited it. */
export const POST = async (req: AuthenticatedMedusaRequest<ProducerAcceptInvite>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "account: already a producer member / tài khoản đã là thành viên")
  }
  const body = req.validatedBody
  const email = await readIdentityEmail(req)
  const { result } = await acceptProducerInviteWorkflow(req.scope).run({
    input: { token: body.token, name: body.name, email, auth_identity_id: req.auth_context.auth_identity_id },
  })
  res.status(201).json({ member: presentMember(result) })
}
