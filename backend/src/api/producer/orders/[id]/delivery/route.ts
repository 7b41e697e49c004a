import type { MedusaResponse } from "@medusajs/framework/http"
import { confirmPartDeliveryWorkflow } from "../../../../../workflows/orders/confirm-part-delivery"
import type { OwnPartRequest } from "../../own-part"
import { readOwnOrder } from "../present-part"

/** POST /producer/orders/:id/delivery — the producer confirms its shipped part arrived; the payout counts it. */
export const POST = async (req: OwnPartRequest, res: MedusaResponse) => {
  await confirmPartDeliveryWorkflow(req.scope).run({ input: { part_id: req.orderPart.id, producer_id: req.membership.producer_id } })
  res.json({ order: await readOwnOrder(req, req.orderPart.order_id) })
}
