import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { ProducerRequest } from "../scope"

export type OwnPartRequest = ProducerRequest & { orderPart: { id: string; order_id: string; status: string } }

/**
 * Finds the signed-in producer's part of the order in the URL and puts it on the request; another producer's
 * order (or one without this producer's lines) is 404, so its existence is not confirmed.
 */
export async function resolveOwnOrderPart(req: ProducerRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const [part] = await producers.listProducerShipments(
    { order_id: req.params.id, producer_id: req.membership.producer_id },
    { select: ["id", "order_id", "status"] }
  )
  if (!part) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${req.params.id}" was not found / không tìm thấy đơn hàng`)
  ;(req as OwnPartRequest).orderPart = part
  next()
}
