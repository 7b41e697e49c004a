import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { PRODUCER_MODULE } from "../../modules/producer"
import type ProducerModuleService from "../../modules/producer/service"
import { recordShippedLotsStep } from "../traceability/steps/record-shipped-lots"

export type RecordProducerShipmentInput = {
  producer_id: string
  order_id: string
  line_item_ids: string[]
  status: "packed" | "shipped"
  carrier: string | null
  tracking_number: string | null
  /** The lot(s) each line came from (checked by the route); omitted keeps the earlier choices. */
  lots?: { line_item_id: string; lot_id: string; quantity: number }[]
}

type Undo = { created?: string; restore?: Record<string, unknown> & { id: string } }

const upsertProducerShipmentStep = createStep(
  "upsert-producer-shipment",
  async (input: RecordProducerShipmentInput, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const [existing] = await producers.listProducerShipments({ producer_id: input.producer_id, order_id: input.order_id })
    // A canceled part has nothing left to send; a delivered one has arrived.
    if (existing?.status === "canceled" || existing?.status === "delivered") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `status: phần đơn đã ${existing.status === "canceled" ? "huỷ" : "giao"} / the part is ${existing.status}`
      )
    }
    // Shipped is final: a parcel on its way cannot be unpacked, only its tracking number corrected.
    if (existing?.status === "shipped" && input.status === "packed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "status: đơn đã gửi đi, không thể trở lại đóng gói / already shipped")
    }
    const data = {
      line_item_ids: input.line_item_ids,
      status: input.status,
      carrier: input.carrier ?? existing?.carrier ?? null,
      tracking_number: input.tracking_number ?? existing?.tracking_number ?? null,
      shipped_at: input.status === "shipped" ? (existing?.shipped_at ?? new Date()) : null,
    }
    if (existing) {
      // The status moves in one conditional UPDATE first: a cancel landing between the read above and this write
      // wins or loses as a whole, never a canceled (and refunded) part marked shipped.
      const from = input.status === "shipped" ? ["pending", "packed", "shipped"] : ["pending", "packed"]
      await producers.transitionProducerShipment(existing.id, input.producer_id, from, input.status, {
        carrier: data.carrier,
        tracking_number: data.tracking_number,
      })
      const updated = await producers.updateProducerShipments({ id: existing.id, line_item_ids: data.line_item_ids })
      const { id, line_item_ids, status, carrier, tracking_number, shipped_at } = existing
      const undo: Undo = { restore: { id, line_item_ids, status, carrier, tracking_number, shipped_at } }
      return new StepResponse(updated, undo)
    }
    const created = await producers.createProducerShipments({ producer_id: input.producer_id, order_id: input.order_id, ...data })
    const undo: Undo = { created: created.id }
    return new StepResponse(created, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    if (undo.created) await producers.deleteProducerShipments([undo.created])
    if (undo.restore) await producers.updateProducerShipments(undo.restore as any)
  }
)

/**
 * Records that a producer packed or shipped its lines of an order, and which lots they came from; a shipment emits
 * `ocop.order-part.shipped` (the buyer's e-mail follows it; the event is emitted only once the workflow has succeeded).
 */
export const recordProducerShipmentWorkflow = createWorkflow("record-producer-shipment", (input: RecordProducerShipmentInput) => {
  const shipment = upsertProducerShipmentStep(input)
  recordShippedLotsStep(input)
  when({ input }, ({ input }) => input.status === "shipped").then(() => {
    const data = transform({ shipment, input }, ({ shipment, input }) => ({
      order_id: input.order_id,
      producer_id: input.producer_id,
      shipment_id: shipment.id,
    }))
    emitEventStep({ eventName: OcopEvents.ORDER_PART_SHIPPED, data })
  })
  return new WorkflowResponse(shipment)
})
