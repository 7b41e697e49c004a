import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readPublicLot } from "../../../../../traceability/read-public-lot"
import { findPublicLot } from "../find-public-lot"

/** GET /store/ocop/lots/:code — the scan page's data for a lot's public code (no counting: see ./scans). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const lot = await findPublicLot(req.scope, req.params.code)
  res.json(await readPublicLot(req.scope, lot))
}
