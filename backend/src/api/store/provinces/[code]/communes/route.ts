import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { communes, getProvince } from "@ocop/domain/places"

/** GET /store/provinces/:code/communes — the communes of one province (for addresses at checkout). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const province = getProvince(req.params.code)
  if (!province) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `province: unknown province code "${req.params.code}"`)
  }
  res.json({
    province: { code: province.code, name: province.name },
    communes: communes
      .filter((c) => c.provinceCode === province.code)
      .map((c) => ({ code: c.code, name: c.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  })
}
