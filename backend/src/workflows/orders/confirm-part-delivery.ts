import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionOrderPartStep } from "./steps/transition-order-part"

/** A shipped part is delivered when its producer (or the carrier, through the operator) confirms it; payouts count it. */
export const confirmPartDeliveryWorkflow = createWorkflow("confirm-part-delivery", (input: { part_id: string; producer_id: string }) => {
  const part = transitionOrderPartStep(
    transform({ input }, ({ input }) => ({ part_id: input.part_id, producer_id: input.producer_id, from: ["shipped"], to: "delivered" as const }))
  )
  return new WorkflowResponse(part)
})
