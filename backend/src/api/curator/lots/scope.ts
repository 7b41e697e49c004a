import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { LotRecord } from "../../producer/lots/scope"
import { notFound, type CuratorRequest } from "../scope"
import { listProvinceProductIds } from "./read-province-lots"

/** A /curator/lots/:id request after scoping: the lot is of a product certified in one of the curator's provinces. */
export type CuratorLotRequest<Body = unknown> = CuratorRequest<Body> & { lot: LotRecord }

/**
 * Loads the lot named in the URL and lets the request through only if its product is certified in one of the
 * curator's provinces (the register's rule): another province's lot answers 404 like a lot that does not exist.
 */
export async function requireProvinceLot(request: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // The /curator prefix's middleware resolved the curator before this one runs.
  const req = request as CuratorLotRequest
  const id = req.params.id
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [lot] = await service.listLots({ id }, { take: 1 })
  if (!lot || !(await listProvinceProductIds(req.scope, req.curator.province_codes, [lot.product_id])).length) throw notFound("Lot", id)
  req.lot = lot
  next()
}
