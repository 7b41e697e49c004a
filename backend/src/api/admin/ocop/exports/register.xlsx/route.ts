import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { provinces as allProvinces } from "@ocop/domain/places"
import type { CuratorExportRegister } from "../../../../curator/validators"
import { resolveExportPeriod, sendRegisterXlsx } from "../../../../utils/register-export"

/** GET /admin/ocop/exports/register.xlsx?province=&from=&to= — the operator's export, any province or all of them. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as CuratorExportRegister
  const codes = params.province ? [params.province] : allProvinces.map((p) => p.code)
  await sendRegisterXlsx(req.scope, res, codes, resolveExportPeriod(params.from, params.to))
}
