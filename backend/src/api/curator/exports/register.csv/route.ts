import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../scope"
import { sendRegisterCsv } from "../../../utils/register-export"
import { readExportScope } from "../register-provinces"

/** GET /curator/exports/register.csv?province=&from=&to= — the register of the curator's provinces as CSV. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const { provinces, period } = readExportScope(req)
  await sendRegisterCsv(req.scope, res, provinces, period)
}
