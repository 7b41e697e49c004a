import type { MedusaResponse } from "@medusajs/framework/http"
import type { LotTemplateAnswer, LotTemplateList, Presented } from "@ocop/contracts"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { ProducerRequest } from "../scope"
import { presentLotTemplate } from "./present-lot-template"
import type { SaveLotTemplate } from "./validators"

/** GET /producer/lot-templates — the producer's templates by name. */
export const GET = async (req: ProducerRequest, res: MedusaResponse) => {
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const rows = await service.listLotTemplates({ producer_id: req.membership.producer_id }, { order: { name: "ASC" } })
  res.json({ templates: rows.map(presentLotTemplate) } satisfies Presented<LotTemplateList>)
}

/**
 * POST /producer/lot-templates — saves a template under its name: 201 a new one; saving again under a name the
 * producer already uses replaces that template (200), as "save" does in any editor.
 */
export const POST = async (req: ProducerRequest<SaveLotTemplate>, res: MedusaResponse) => {
  const producerId = req.membership.producer_id
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const { name, ...fields } = req.validatedBody
  const [existing] = await service.listLotTemplates({ producer_id: producerId, name }, { select: ["id"], take: 1 })
  const saved = existing
    ? await service.updateLotTemplates({ id: existing.id, ...fields })
    : await service.createLotTemplates({ producer_id: producerId, name, ...fields })
  res.status(existing ? 200 : 201).json({ template: presentLotTemplate(saved) } satisfies Presented<LotTemplateAnswer>)
}
