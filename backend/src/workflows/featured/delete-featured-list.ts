import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { deleteFeaturedListStep } from "./steps/delete-featured-list"

export const deleteFeaturedListWorkflow = createWorkflow("delete-featured-list", (input: { id: string }) => {
  deleteFeaturedListStep(input.id)
  emitEventStep({ eventName: OcopEvents.FEATURED_LIST_CHANGED, data: { id: input.id } })
  return new WorkflowResponse(input.id)
})
