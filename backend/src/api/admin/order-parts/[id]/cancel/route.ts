import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminCanceledOrderPart } from "@ocop/contracts"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"
import { cancelOrderPartWorkflow } from "../../../../../workflows/orders/cancel-order-part"

/**
 * POST /admin/order-parts/:id/cancel — the operator cancels any producer's part before it ships (a producer who
 * cannot deliver, a buyer who called): the same workflow as the producer's own cancel — stock back, refund through
 * the provider that took the money, the order cancelled with its last open part.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const [part] = await producers.listProducerShipments({ id: req.params.id }, { select: ["id", "producer_id"] })
  if (!part) throw new MedusaError(MedusaError.Types.NOT_FOUND, `id: không tìm thấy phần đơn hàng "${req.params.id}" / order part not found`)
  const { result } = await cancelOrderPartWorkflow(req.scope).run({
    input: { part_id: part.id, producer_id: part.producer_id, canceled_by: req.auth_context?.actor_id },
  })
  res.json({
    part: {
      id: result.part.id,
      order_id: result.part.order_id,
      producer_id: result.part.producer_id,
      status: "canceled",
      subtotal: result.part.subtotal,
      shipping_fee: result.part.shipping_fee,
    },
    refund: result.refund,
    order_canceled: result.order_canceled,
  } satisfies AdminCanceledOrderPart)
}
