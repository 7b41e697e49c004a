import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderPartsStep } from "./steps/create-order-parts"
import { groupOrderLinesByProducerStep } from "./steps/group-order-lines-by-producer"

/**
 * Splits a placed order into one part per producer (issue 15). The buyer keeps one order, one payment; each producer
 * gets its own part to pack, ship, cancel and be paid for. Running it again for the same order changes nothing.
 */
export const createOrderPartsWorkflow = createWorkflow("create-order-parts", (input: { order_id: string }) => {
  const grouped = groupOrderLinesByProducerStep(input)
  const parts = createOrderPartsStep(grouped)
  return new WorkflowResponse(parts)
})
