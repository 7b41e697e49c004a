import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readClientAddress } from "../../../../../security/client-address"
import { TRACEABILITY_MODULE } from "../../../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../../../modules/traceability/service"
import { todayInVietnam } from "../../../../../../modules/ocop/dates"
import { findPublicLot } from "../../find-public-lot"
import { admitLotScan } from "../../limit-lot-scans"
import type { StoreRecordLotScan } from "../../validators"

/**
 * POST /store/ocop/lots/:code/scans — counts one anonymous scan (the shop's scan page sends it with the person's
 * signed address, which only picks the rate-limit bucket and is not stored) and, if chosen, the person's province.
 */
export const POST = async (req: MedusaRequest<StoreRecordLotScan>, res: MedusaResponse) => {
  const lot = await findPublicLot(req.scope, req.params.code)
  const verdict = await admitLotScan(readClientAddress(req), lot.id)
  if (verdict === "too_many") {
    res.setHeader("Retry-After", "60")
    return res.status(429).json({
      type: "too_many_requests",
      message: "scans: quá nhiều lượt quét từ một nơi, thử lại sau một phút / too many scans from one place, try again in a minute",
    })
  }
  if (verdict === "repeat") return res.json({ counted: false })
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  await service.recordLotScan({ lot_id: lot.id, day: todayInVietnam(), province_code: req.validatedBody.province_code ?? null })
  res.status(201).json({ counted: true })
}
