import { randomBytes } from "node:crypto"
import type { CreatedCuratorInvite, Presented } from "@ocop/contracts"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hashInviteToken } from "../../../../workflows/producer/steps/consume-producer-invite"
import { createCuratorInviteWorkflow } from "../../../../workflows/curator/create-curator-invite"
import { readPortalUrl } from "../../../producer/cors"
import type { AdminCreateCuratorInvite } from "../validators"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * POST /admin/curators/invites — an invite link for a provincial (or the national) OCOP office. The token is
 * shown once: only its hash is stored.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCuratorInvite>, res: MedusaResponse) => {
  const body = req.validatedBody
  const token = randomBytes(24).toString("base64url")
  const { result: invite } = await createCuratorInviteWorkflow(req.scope).run({
    input: {
      email: body.email,
      scope: body.scope,
      province_codes: body.scope === "national" ? [] : (body.province_codes ?? []),
      token_hash: hashInviteToken(token),
      expires_at: new Date(Date.now() + body.expires_in_days * DAY_MS),
      invited_by: req.auth_context?.actor_id ?? null,
    },
  })
  res.status(201).json({
    invite: {
      id: invite.id,
      email: invite.email,
      scope: invite.scope,
      province_codes: invite.province_codes,
      expires_at: invite.expires_at,
    },
    token,
    // The console page that registers the person and accepts the invite (built on this API).
    link: `${readPortalUrl()}/vi/curator/invite?token=${token}`,
  } satisfies Presented<CreatedCuratorInvite>)
}
