import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import type { CuratorAccount, Presented } from "@ocop/contracts"
import { MedusaError } from "@medusajs/framework/utils"
import { provinces } from "@ocop/domain/places"
import { CURATOR_MODULE } from "../../modules/curator"
import type CuratorModuleService from "../../modules/curator/service"
import type { RecordedBy } from "../../modules/ocop/types"

export type CuratorRecord = Awaited<ReturnType<CuratorModuleService["retrieveCurator"]>>

/** A /curator request after scoping: who is asking and which provinces it may see and change. */
export type CuratorRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & {
  curator: { record: CuratorRecord; province_codes: string[]; recorded_by: RecordedBy }
}

const ALL_PROVINCE_CODES = provinces.map((p) => p.code)

/** The provinces a curator works on: its own, or all 34 for the national office. */
export function curatorProvinceCodes(curator: Pick<CuratorRecord, "scope" | "province_codes">): string[] {
  return curator.scope === "national" ? ALL_PROVINCE_CODES : [...(curator.province_codes ?? [])]
}

/**
 * Resolves the signed-in curator once and puts it and its provinces on the request. Routes read the provinces from
 * here and never from the URL, body or query, so no parameter can widen a curator's reach.
 */
export async function resolveCurator(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const actorId = req.auth_context?.actor_id
  // A registration token has no actor yet; an empty filter must never reach the query (it would match anyone).
  if (!actorId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const curators: CuratorModuleService = req.scope.resolve(CURATOR_MODULE)
  const [record] = await curators.listCurators({ id: actorId })
  // A token for a deleted curator is as good as none.
  if (!record) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  if (record.deactivated_at) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "curator: tài khoản đã bị vô hiệu hoá / this curator account has been deactivated")
  }
  ;(req as CuratorRequest).curator = {
    record,
    province_codes: curatorProvinceCodes(record),
    recorded_by: { type: "curator", id: record.id, email: record.email },
  }
  next()
}

// Mounted on /curator, so the path is relative to it; Express routes paths case-insensitively and with an optional
// trailing slash, and so does this check.
const ACCEPT_PATH = "/invites/accept"

/**
 * Every /curator route resolves the curator, except accepting an invite (the one route that runs before the curator
 * exists). One prefix-wide middleware, so a route added later cannot forget it.
 */
export async function resolveCuratorUnlessAccepting(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.path.toLowerCase().replace(/\/+$/, "") === ACCEPT_PATH) return next()
  return resolveCurator(req, res, next)
}

/** 404, not 403: another province's ids are not confirmed to exist. */
export function notFound(what: string, id: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `${what} "${id}" was not found / không tìm thấy`)
}

export function presentCurator(curator: CuratorRecord) {
  return {
    id: curator.id,
    email: curator.email,
    name: curator.name,
    scope: curator.scope,
    province_codes: curatorProvinceCodes(curator),
    deactivated_at: curator.deactivated_at ?? null,
    created_at: curator.created_at,
  } satisfies Presented<CuratorAccount>
}
