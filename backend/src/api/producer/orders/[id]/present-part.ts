import { PRODUCER_MODULE } from "../../../../modules/producer"
import type ProducerModuleService from "../../../../modules/producer/service"
import type { ProducerRequest } from "../../scope"
import { readLotsOfLines } from "../../../../traceability/read-lot-orders"
import { listProducerLines, readOrders } from "../producer-orders"
import { presentProducerOrder } from "../route"

/** The order as the producer's list shows it (own lines, own part), after an action on the part. */
export async function readOwnOrder(req: ProducerRequest, orderId: string) {
  const producerId = req.membership.producer_id
  const lines = await listProducerLines(req.scope, producerId, [orderId])
  const { data: orders } = await readOrders(req.scope, [orderId])
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const shipments = await producers.listProducerShipments({ producer_id: producerId, order_id: orderId })
  return presentProducerOrder(
    orders[0],
    lines,
    shipments,
    await readLotsOfLines(
      req.scope,
      lines.map((l) => l.id)
    )
  )
}
