import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { recallLotStep, type RecallLotInput } from "./steps/recall-lot"

/**
 * Recalls a lot (producer or curator, with a reason): its scan page says so from then on, and `ocop.lot.recalled`
 * (emitted once the workflow has succeeded) mails the buyers of the orders that shipped units of it.
 */
export const recallLotWorkflow = createWorkflow("recall-lot", (input: RecallLotInput) => {
  const lot = recallLotStep(input)
  const data = transform({ input }, ({ input }) => ({ lot_id: input.lot_id }))
  emitEventStep({ eventName: OcopEvents.LOT_RECALLED, data })
  return new WorkflowResponse(lot)
})
