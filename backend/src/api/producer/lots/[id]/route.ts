import type { MedusaResponse } from "@medusajs/framework/http"
import { readLotOrders } from "../../../../traceability/read-lot-orders"
import { withdrawLotWorkflow } from "../../../../workflows/traceability/withdraw-lot"
import { readStaffLot } from "../read-producer-lot"
import type { ProducerLotRequest } from "../scope"

/**
 * GET /producer/lots/:id — one of the producer's lots (another producer's answers 404 in middleware) and the orders
 * that shipped units of it.
 */
export const GET = async (req: ProducerLotRequest, res: MedusaResponse) => {
  const [lot, affected_orders] = await Promise.all([readStaffLot(req.scope, req.lot.id), readLotOrders(req.scope, req.lot.id)])
  res.json({ lot, affected_orders })
}

/** DELETE /producer/lots/:id — withdraws the lot's code (kept, so its QR answers 410 rather than "unknown"). */
export const DELETE = async (req: ProducerLotRequest, res: MedusaResponse) => {
  await withdrawLotWorkflow(req.scope).run({ input: { lot_id: req.lot.id } })
  res.json({ id: req.lot.id, object: "lot", deleted: true })
}
