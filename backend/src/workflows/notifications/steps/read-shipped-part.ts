import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { ShippedMail } from "../order-emails"
import { toMailLine } from "./read-placed-order"

export const readShippedPartStepId = "read-shipped-part"

export type ShippedPart = ShippedMail & { shipment_id: string; email: string | null }

/** Reads a producer's shipment with the order's buyer and the shipped lines (only those of the shipment). */
export const readShippedPartStep = createStep(readShippedPartStepId, async (input: { shipment_id: string }, { container }) => {
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const [shipment] = await producers.listProducerShipments({ id: input.shipment_id })
  if (!shipment)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `shipment_id: không tìm thấy lần gửi hàng ${input.shipment_id} / shipment not found`)
  const [producer] = await producers.listProducers({ id: shipment.producer_id }, { select: ["id", "name"] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // `total` makes Query compute the order's totals, which also turns the items' quantities into plain numbers.
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "locale",
      "total",
      "items.id",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "items.unit_price",
    ],
    filters: { id: shipment.order_id },
  })
  const order = data[0] as any
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order_id: không tìm thấy đơn hàng ${shipment.order_id} / order not found`)
  const shipped = new Set(shipment.line_item_ids as string[])
  const part: ShippedPart = {
    shipment_id: shipment.id,
    email: order.email ?? null,
    order: { id: order.id, display_id: order.display_id ?? null, locale: order.locale ?? null },
    producer_name: producer?.name ?? "",
    carrier: shipment.carrier ?? null,
    tracking_number: shipment.tracking_number ?? "",
    lines: (order.items ?? []).filter((i: any) => shipped.has(i.id)).map(toMailLine),
  }
  return new StepResponse(part)
})
