import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import type { RecordedBy } from "../../modules/ocop/types"

/** The signed-in operator as the rating history names it (the email is copied: it outlives the account). */
export async function readOperator(req: AuthenticatedMedusaRequest): Promise<RecordedBy | null> {
  const id = req.auth_context?.actor_id
  if (!id) return null
  const [user] = await req.scope.resolve(Modules.USER).listUsers({ id }, { select: ["id", "email"] })
  return { type: "user", id, email: user?.email ?? null }
}
