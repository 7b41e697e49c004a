import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { assignShippedLotQuantities } from "@ocop/domain"
import { PRODUCER_MODULE } from "../../../../../modules/producer"
import type ProducerModuleService from "../../../../../modules/producer/service"
import { recordProducerShipmentWorkflow } from "../../../../../workflows/producer/record-producer-shipment"
import type { ProducerCreateFulfillment } from "../../../validators"
import type { ProducerRequest } from "../../../scope"
import { readLotsOfLines } from "../../../../../traceability/read-lot-orders"
import { listProducerLines, readOrders } from "../../producer-orders"
import { presentProducerOrder } from "../../route"

/**
 * POST /producer/orders/:id/fulfillments — marks the producer's own lines of an order packed, then shipped with a
 * tracking number, optionally naming the lot(s) of each line (checked in middleware: checkShippedLots). Another
 * producer's lines in the same order are untouched.
 */
export const POST = async (req: ProducerRequest<ProducerCreateFulfillment>, res: MedusaResponse) => {
  const body = req.validatedBody
  const lines = await listProducerLines(req.scope, req.membership.producer_id, [req.params.id])
  const { data: orders } = lines.length ? await readOrders(req.scope, [req.params.id]) : { data: [] }
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order "${req.params.id}" was not found / không tìm thấy đơn hàng`)
  }
  if ((orders[0] as any).status === "canceled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "status: đơn hàng đã huỷ / the order was canceled")
  }
  await recordProducerShipmentWorkflow(req.scope).run({
    input: {
      producer_id: req.membership.producer_id,
      order_id: req.params.id,
      line_item_ids: lines.map((l) => l.id),
      status: body.status,
      carrier: body.carrier ?? null,
      tracking_number: body.tracking_number ?? null,
      // Checked in middleware (checkShippedLots); a lot named alone for a line gave all its units.
      lots: body.lots && assignShippedLotQuantities(body.lots, lines),
    },
  })
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const shipments = await producers.listProducerShipments({ producer_id: req.membership.producer_id, order_id: req.params.id })
  const lots = await readLotsOfLines(
    req.scope,
    lines.map((l) => l.id)
  )
  res.json({ order: presentProducerOrder(orders[0], lines, shipments, lots) })
}
