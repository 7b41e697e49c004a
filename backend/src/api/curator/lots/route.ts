import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../scope"
import type { CuratorListLots } from "../validators"
import { readProvinceLots } from "./read-province-lots"

/**
 * GET /curator/lots?filter=all|flagged|recalled&limit=&offset= — one page of the curator's provinces' lots (scans,
 * scans in 30 days, flags, producer) and the traceability figures.
 */
export const GET = async (req: CuratorRequest & { validatedQuery: CuratorListLots }, res: MedusaResponse) => {
  res.json(await readProvinceLots(req.scope, req.curator.province_codes, req.validatedQuery))
}
