import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProducerShippingStep, type ProducerShippingInput } from "./steps/update-producer-shipping"

/** The producer sets its own delivery fee and free-shipping threshold in the portal (issue 15 point 3). */
export const updateProducerShippingWorkflow = createWorkflow("update-producer-shipping", (input: ProducerShippingInput) => {
  return new WorkflowResponse(updateProducerShippingStep(input))
})
