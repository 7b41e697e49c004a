import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Creates the operator's admin login unless a user with that e-mail exists (as `medusa user` would). There is no
 * default password: `npm start` generates one for a local run, a deployment sets OCOP_ADMIN_PASSWORD.
 */
export async function ensureAdminUser(container: MedusaContainer, email: string, password: string | undefined) {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const [existing] = await users.listUsers({ email })
  if (existing) return { created: false }
  if (!password) throw new Error(`OCOP_ADMIN_PASSWORD: chưa đặt / not set — needed to create the admin login ${email}`)
  const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not create the admin login for ${email}: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
  return { created: true }
}
