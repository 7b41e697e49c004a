import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { LotScanAnswer } from "@ocop/contracts"
import { readClientAddress } from "../../../../../security/client-address"
import { TRACEABILITY_MODULE } from "../../../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../../../modules/traceability/service"
import { todayInVietnam } from "../../../../../../modules/ocop/dates"
import { findPublicLot } from "../../find-public-lot"
import { admitLotScan, admitProvinceNaming } from "../../limit-lot-scans"
import type { StoreRecordLotScan } from "../../validators"

/**
 * POST /store/ocop/lots/:code/scans — counts one anonymous scan (the shop's scan page sends it with the person's
 * signed address, which only picks the rate-limit bucket and is not stored) and, if chosen, the person's province.
 */
export const POST = async (req: MedusaRequest<StoreRecordLotScan>, res: MedusaResponse) => {
  const lot = await findPublicLot(req.scope, req.params.code)
  const address = readClientAddress(req)
  const verdict = await admitLotScan(address, lot.id)
  if (verdict === "too_many") {
    res.setHeader("Retry-After", "60")
    return res.status(429).json({
      type: "too_many_requests",
      message: "scans: quá nhiều lượt quét từ một nơi, thử lại sau một phút / too many scans from one place, try again in a minute",
    })
  }
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  if (verdict === "repeat") {
    // Already counted (the shop's page view): the province chosen afterwards moves that scan, once per window.
    const province = req.validatedBody.province_code
    const named =
      !!province &&
      (await admitProvinceNaming(address, lot.id)) &&
      (await service.nameLotScanProvince({ lot_id: lot.id, day: todayInVietnam(), province_code: province }))
    return res.json({ counted: false, province_recorded: named } satisfies LotScanAnswer)
  }
  await service.recordLotScan({ lot_id: lot.id, day: todayInVietnam(), province_code: req.validatedBody.province_code ?? null })
  res.status(201).json({ counted: true } satisfies LotScanAnswer)
}
