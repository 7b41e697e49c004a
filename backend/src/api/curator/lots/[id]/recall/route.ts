import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../../modules/traceability/service"
import { recallLotWorkflow } from "../../../../../workflows/traceability/recall-lot"
import { readStaffLot } from "../../../../producer/lots/read-producer-lot"
import type { RecallLot } from "../../../../producer/lots/validators"
import type { CuratorRequest } from "../../../scope"
import { listProvinceProductIds } from "../../read-province-lots"

/** POST /curator/lots/:id/recall — a province's curator recalls a lot of one of its province's products. */
export const POST = async (req: CuratorRequest<RecallLot>, res: MedusaResponse) => {
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [lot] = await service.listLots({ id: req.params.id }, { take: 1 })
  const own = lot ? await listProvinceProductIds(req.scope, req.curator.province_codes) : []
  // Another province's lot answers as an unknown one.
  if (!lot || !own.includes(lot.product_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot "${req.params.id}" was not found / không tìm thấy lô`)
  }
  await recallLotWorkflow(req.scope).run({
    input: { lot_id: lot.id, reason: req.validatedBody.reason, recalled_by: { type: "curator", id: req.curator.record.id } },
  })
  res.json({ lot: await readStaffLot(req.scope, lot.id) })
}
