import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** The email is the one the identity registered with, not one the body claims. */
export async function readIdentityEmail(req: AuthenticatedMedusaRequest): Promise<string> {
  const auth = req.scope.resolve(Modules.AUTH)
  const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, {
    relations: ["provider_identities"],
  })
  const emailpass = identity.provider_identities?.find((p) => p.provider === "emailpass")
  if (!emailpass) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "account: register with email and password first")
  }
  return emailpass.entity_id.toLowerCase()
}
