import type { MedusaResponse } from "@medusajs/framework/http"
import { TRACEABILITY_MODULE } from "../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../modules/traceability/service"
import type { ProducerRequest } from "../../scope"

/** DELETE /producer/lot-templates/:id — the producer's own template (requireOwnLotTemplate); lots made from it keep their values. */
export const DELETE = async (req: ProducerRequest, res: MedusaResponse) => {
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  await service.softDeleteLotTemplates(req.params.id)
  res.json({ id: req.params.id, object: "lot_template", deleted: true })
}
