import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { acceptCuratorInviteWorkflow } from "../../../../workflows/curator/accept-curator-invite"
import { readIdentityEmail } from "../../../producer/read-identity-email"
import { presentCurator } from "../../scope"
import type { CuratorAcceptInvite } from "../../validators"

/**
 * POST /curator/invites/accept — `{ token, name }` with the registration token of /auth/curator/emailpass/register:
 * the identity becomes a curator of the invite's provinces. Sign in afterwards for a curator token.
 */
export const POST = async (req: AuthenticatedMedusaRequest<CuratorAcceptInvite>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "account: tài khoản đã là cán bộ / already a curator")
  }
  const email = await readIdentityEmail(req)
  const { result } = await acceptCuratorInviteWorkflow(req.scope).run({
    input: { ...req.validatedBody, email, auth_identity_id: req.auth_context.auth_identity_id },
  })
  res.status(201).json({ curator: presentCurator(result) })
}
