import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../scope"
import { sendRegisterXlsx } from "../../../utils/register-export"
import { readExportScope } from "../register-provinces"

/**
 * GET /curator/exports/register.xlsx?province=&from=&to= — the register of the curator's provinces, with the
 * "Tổng hợp" sheet of the period's figures (default: the current year).
 */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const { provinces, period } = readExportScope(req)
  await sendRegisterXlsx(req.scope, res, provinces, period)
}
