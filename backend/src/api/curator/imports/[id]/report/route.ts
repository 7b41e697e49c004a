import type { MedusaResponse } from "@medusajs/framework/http"
import { sendImportReport } from "../../../../utils/send-import-report"
import type { CuratorRequest } from "../../../scope"
import { readScopedRun } from "../../present-import"

/** GET /curator/imports/:id/report — every rejected row of a run of the curator's provinces, as CSV. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  sendImportReport(res, await readScopedRun(req))
}
