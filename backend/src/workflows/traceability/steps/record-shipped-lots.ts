import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"

export type RecordShippedLotsInput = {
  producer_id: string
  order_id: string
  /** Omitted: the lots named before stay as they are. */
  lots?: { line_item_id: string; lot_id: string; quantity: number }[]
}

/**
 * Keeps which lots the producer's part of an order shipped: the new choices replace the part's earlier ones (a
 * corrected shipment). The compensation deletes the new rows and restores the replaced ones.
 */
export const recordShippedLotsStepId = "record-shipped-lots"
export const recordShippedLotsStep = createStep(
  recordShippedLotsStepId,
  async (input: RecordShippedLotsInput, { container }) => {
    if (!input.lots) return new StepResponse([], { created: [], replaced: [] })
    const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const earlier = await service.listLotShipmentLines({ producer_id: input.producer_id, order_id: input.order_id }, { select: ["id"] })
    const replaced = earlier.map((row) => row.id)
    if (replaced.length) await service.softDeleteLotShipmentLines(replaced)
    const created = input.lots.length
      ? await service.createLotShipmentLines(
          input.lots.map((l) => ({
            lot_id: l.lot_id,
            line_item_id: l.line_item_id,
            quantity: l.quantity,
            order_id: input.order_id,
            producer_id: input.producer_id,
          }))
        )
      : []
    return new StepResponse(created, { created: created.map((row) => row.id), replaced })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    if (undo.created.length) await service.deleteLotShipmentLines(undo.created)
    if (undo.replaced.length) await service.restoreLotShipmentLines(undo.replaced)
  }
)
