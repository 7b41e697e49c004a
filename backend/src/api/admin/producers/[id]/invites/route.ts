import { randomBytes } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createProducerInviteWorkflow } from "../../../../../workflows/producer/create-producer-invite"
import { hashInviteToken } from "../../../../../workflows/producer/steps/consume-producer-invite"
import { readPortalUrl } from "../../../../producer/cors"
import type { AdminCreateProducerInvite } from "../../validators"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * POST /admin/producers/:id/invites — an invite link for the producer's people. The token is shown once: only
 * its hash is stored.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateProducerInvite>, res: MedusaResponse) => {
  const body = req.validatedBody
  const token = randomBytes(24).toString("base64url")
  const { result: invite } = await createProducerInviteWorkflow(req.scope).run({
    input: {
      producer_id: req.params.id,
      email: body.email?.toLowerCase() ?? null,
      role: body.role,
      token_hash: hashInviteToken(token),
      expires_at: new Date(Date.now() + body.expires_in_days * DAY_MS),
    },
  })
  res.status(201).json({
    invite: { id: invite.id, producer_id: invite.producer_id, email: invite.email, role: invite.role, expires_at: invite.expires_at },
    token,
    // The storefront's portal page that registers the person and accepts the invite.
    link: `${readPortalUrl()}/vi/portal/invite?token=${token}`,
  })
}
