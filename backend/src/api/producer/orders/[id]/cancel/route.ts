import type { MedusaResponse } from "@medusajs/framework/http"
import type { Presented, ProducerOrderCancelation } from "@ocop/contracts"
import { cancelOrderPartWorkflow } from "../../../../../workflows/orders/cancel-order-part"
import type { OwnPartRequest } from "../../own-part"
import { readOwnOrder } from "../present-part"

/**
 * POST /producer/orders/:id/cancel — the producer cancels its part before shipping: its stock returns and the
 * buyer's refund goes back through the provider that took the money (or is recorded for the operator). Other
 * producers' parts of the order are untouched; the last open part's cancel cancels the order.
 */
export const POST = async (req: OwnPartRequest, res: MedusaResponse) => {
  const { result } = await cancelOrderPartWorkflow(req.scope).run({
    input: { part_id: req.orderPart.id, producer_id: req.membership.producer_id, canceled_by: req.auth_context?.actor_id },
  })
  res.json({
    order: await readOwnOrder(req, req.orderPart.order_id),
    refund: result.refund,
  } satisfies Presented<ProducerOrderCancelation>)
}
