import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findShippedLotProblem } from "@ocop/domain"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { listOwnProductIds } from "../lots/scope"
import type { ProducerRequest } from "../scope"
import type { ProducerCreateFulfillment } from "../validators"
import { listProducerLines } from "./producer-orders"

/**
 * The lots a shipment names must be the producer's own lots of each line's product (@ocop/domain's
 * findShippedLotProblem). Only the producer's own lots are looked at, so another producer's lot reads as unknown: 400
 * before the shipment is recorded, and nothing is said about whose lot it is.
 */
export async function checkShippedLots(req: ProducerRequest<ProducerCreateFulfillment>, _res: MedusaResponse, next: MedusaNextFunction) {
  const choices = req.validatedBody.lots
  if (!choices?.length) return next()
  const [lines, productIds] = await Promise.all([listProducerLines(req.scope, req.membership.producer_id, [req.params.id]), listOwnProductIds(req)])
  // Not the producer's order: the route answers 404 as for any shipment.
  if (!lines.length) return next()
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const ownLots = productIds.length
    ? await service.listLots({ id: [...new Set(choices.map((c) => c.lot_id))], product_id: productIds }, { select: ["id", "product_id", "status"] })
    : []
  const problem = findShippedLotProblem(choices, lines, ownLots)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  next()
}
