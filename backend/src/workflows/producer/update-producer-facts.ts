import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProducerFactsStep, type ProducerFacts } from "./steps/update-producer-facts"

/** The producer states its own facts in the portal (the curators' dashboard counts them). */
export const updateProducerFactsWorkflow = createWorkflow("update-producer-facts", (input: ProducerFacts) => {
  return new WorkflowResponse(updateProducerFactsStep(input))
})
