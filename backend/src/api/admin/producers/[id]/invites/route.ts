import { randomBytes } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"
import { hashInviteToken } from "../../../../../workflows/producer/steps/consume-producer-invite"
import { vendorPortalUrl } from "../../../../vendor/cors"
import type { AdminCreateProducerInvite } from "../../validators"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * POST /admin/producers/:id/invites — an invite link for the producer's people. The token is shown once: only
 * its hash is stored.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateProducerInvite>, res: MedusaResponse) => {
  const body = req.validatedBody
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const [producer] = await producers.listProducers({ id: req.params.id })
  if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer "${req.params.id}" was not found`)
  const token = randomBytes(24).toString("base64url")
  const invite = await producers.createProducerInvites({
    producer_id: producer.id,
    email: body.email?.toLowerCase() ?? null,
    role: body.role,
    token_hash: hashInviteToken(token),
    expires_at: new Date(Date.now() + body.expires_in_days * DAY_MS),
  })
  res.status(201).json({
    invite: { id: invite.id, producer_id: producer.id, email: invite.email, role: invite.role, expires_at: invite.expires_at },
    token,
    // The storefront's portal page that registers the person and accepts the invite.
    link: `${vendorPortalUrl()}/vi/portal/invite?token=${token}`,
  })
}
