import type { CuratorRequest } from "../scope"
import type { CuratorExportRegister } from "../validators"
import { resolveExportPeriod } from "../../utils/register-export"

/** The provinces and period of an export: `province` only narrows within the curator's own (never widens). */
export function readExportScope(req: CuratorRequest) {
  const params = req.validatedQuery as unknown as CuratorExportRegister
  const provinces = params.province ? req.curator.province_codes.filter((code) => code === params.province) : req.curator.province_codes
  return { provinces, period: resolveExportPeriod(params.from, params.to) }
}
