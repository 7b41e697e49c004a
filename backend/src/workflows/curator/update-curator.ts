import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCuratorStep, type UpdateCuratorInput } from "./steps/update-curator"

export const updateCuratorWorkflow = createWorkflow("update-curator", (input: UpdateCuratorInput) => {
  return new WorkflowResponse(updateCuratorStep(input))
})
