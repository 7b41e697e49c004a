import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { ProducerRequest } from "../scope"

/**
 * Lets a /producer/lot-templates/:id request through only for the producer's own template: another producer's
 * answers 404 like one that does not exist, so ids are not confirmed.
 */
export async function requireOwnLotTemplate(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const { membership } = req as ProducerRequest
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [own] = await service.listLotTemplates({ id: req.params.id, producer_id: membership.producer_id }, { select: ["id"], take: 1 })
  if (!own) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot template "${req.params.id}" was not found / không tìm thấy mẫu lô`)
  next()
}
