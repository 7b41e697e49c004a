import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../scope"
import { readProvinceLots } from "./read-province-lots"

/** GET /curator/lots — the curator's provinces' lots (scans per lot, flags) and the traceability figures. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  res.json(await readProvinceLots(req.scope, req.curator.province_codes))
}
