import type { MedusaResponse } from "@medusajs/framework/http"
import type { ProducerRequest } from "../scope"
import { readProducerDashboard } from "./read-dashboard"

/** GET /producer/dashboard — the producer's sales, low stock and certificates to renew (see read-dashboard.ts). */
export const GET = async (req: ProducerRequest, res: MedusaResponse) => {
  res.json(await readProducerDashboard(req.scope, req.membership.producer_id))
}
