import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { ShippedMail } from "../order-emails"
import { readOrderForMail, toMailLine } from "../read-order-for-mail"

export const readShippedPartStepId = "read-shipped-part"

export type ShippedPart = ShippedMail & { shipment_id: string; email: string | null }

/** Reads a producer's shipment with the order's buyer and the shipped lines (only those of the shipment). */
export const readShippedPartStep = createStep(readShippedPartStepId, async (input: { shipment_id: string }, { container }) => {
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const [shipment] = await producers.listProducerShipments({ id: input.shipment_id })
  if (!shipment)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `shipment_id: không tìm thấy lần gửi hàng ${input.shipment_id} / shipment not found`)
  const [producer] = await producers.listProducers({ id: shipment.producer_id }, { select: ["id", "name"] })
  const order = await readOrderForMail(container, shipment.order_id)
  const shipped = new Set(shipment.line_item_ids as string[])
  const part: ShippedPart = {
    shipment_id: shipment.id,
    email: order.email ?? null,
    order: { id: order.id, display_id: order.display_id ?? null, locale: order.locale ?? null },
    producer_name: producer?.name ?? "",
    carrier: shipment.carrier ?? null,
    tracking_number: shipment.tracking_number ?? "",
    lines: (order.items ?? []).filter((i) => shipped.has(i.id)).map(toMailLine),
  }
  return new StepResponse(part)
})
