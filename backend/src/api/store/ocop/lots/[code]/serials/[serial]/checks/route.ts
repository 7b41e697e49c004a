import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { SerialCheckAnswer } from "@ocop/contracts"
import { isSerialCode } from "@ocop/domain"
import { readClientAddress } from "../../../../../../../security/client-address"
import { TRACEABILITY_MODULE } from "../../../../../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../../../../../modules/traceability/service"
import { todayInVietnam } from "../../../../../../../../modules/ocop/dates"
import { findPublicLot } from "../../../../find-public-lot"
import { admitSerialCheck } from "../../../../limit-lot-scans"

const VOIDED =
  "serial: nhà sản xuất đã hủy mã sê-ri này — sản phẩm mang mã này có thể không chính hãng / the producer voided this serial — a product bearing it may not be genuine"
const UNKNOWN = "serial: lô này không có mã sê-ri này — tem có thể là giả / this lot has no such serial — the label may be counterfeit"

/**
 * POST /store/ocop/lots/:code/serials/:serial/checks — one scan of a unit's serial (the shop's serial page sends it
 * when it renders, with the person's signed address for the rate limit; nothing about the person is stored). 201
 * "first" when this scan recorded the serial's first check, 200 "repeat" with when that was, 404 "unknown" when the
 * lot has no such serial, 410 "voided" (with when and why) when the producer voided it. Each view also counts as a scan
 * of the lot, with the lot's limits; views of unknown or voided serials feed the lot's flag unknown_serials_checked.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const serial = String(req.params.serial ?? "").toUpperCase()
  if (!isSerialCode(serial))
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "serial: mã sê-ri gồm 13 chữ và số / a serial has 13 letters and digits")
  const lot = await findPublicLot(req.scope, req.params.code)
  const verdict = await admitSerialCheck(readClientAddress(req), lot.id, serial)
  if (verdict === "too_many") {
    res.setHeader("Retry-After", "60")
    return res.status(429).json({
      type: "too_many_requests",
      message: "scans: quá nhiều lượt quét từ một nơi, thử lại sau một phút / too many scans from one place, try again in a minute",
    })
  }
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  if (verdict.countLot) await service.recordLotScan({ lot_id: lot.id, day: todayInVietnam(), province_code: null })
  const check = await service.checkLotSerial({ lot_id: lot.id, code: serial, count: verdict.countSerial })
  if (check.status === "unknown") return res.status(404).json({ status: "unknown", serial, message: UNKNOWN } satisfies SerialCheckAnswer)
  if (check.status === "voided")
    return res.status(410).json({
      status: "voided",
      serial,
      voided_at: check.voided_at.toISOString(),
      void_reason: check.void_reason,
      message: VOIDED,
    } satisfies SerialCheckAnswer)
  res
    .status(check.status === "first" ? 201 : 200)
    .json({ status: check.status, serial, first_checked_at: check.first_checked_at.toISOString() } satisfies SerialCheckAnswer)
}
