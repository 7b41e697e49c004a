import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCuratorList, Presented } from "@ocop/contracts"
import { provinces } from "@ocop/domain/places"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"
import { presentCurator } from "../../curator/scope"
import type { AdminListCurators } from "./validators"

/**
 * GET /admin/curators?province=&active=&limit=&offset= — curators, newest first, and the invites still open.
 * `province` (a code) lists the curators who see that province, national ones included. `provinces` are the 34
 * a curator can be given (code and name), so the admin page picks from seed's list instead of keeping its own.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as AdminListCurators
  const curators: CuratorModuleService = req.scope.resolve(CURATOR_MODULE)
  const filters: Record<string, unknown> = {}
  if (params.active === "true") filters.deactivated_at = null
  if (params.active === "false") filters.deactivated_at = { $ne: null }
  if (params.province) filters.$or = [{ scope: "national" }, { province_codes: { $contains: [params.province] } }]
  const [list, count] = await curators.listAndCountCurators(filters, {
    order: { created_at: "DESC" },
    skip: params.offset,
    take: params.limit,
  })
  const openInvites = await curators.listCuratorInvites(
    { accepted_at: null, expires_at: { $gt: new Date() } },
    { order: { created_at: "DESC" }, take: 200 }
  )
  res.json({
    curators: list.map(presentCurator),
    count,
    offset: params.offset,
    limit: params.limit,
    open_invites: openInvites.map((i) => ({
      id: i.id,
      email: i.email,
      scope: i.scope,
      province_codes: i.province_codes,
      expires_at: i.expires_at,
      created_at: i.created_at,
    })),
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
  } satisfies Presented<AdminCuratorList>)
}
