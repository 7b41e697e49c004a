import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { checkFeaturedProductsStep } from "./steps/check-featured-products"
import { updateFeaturedListStep, type UpdateFeaturedListInput } from "./steps/update-featured-list"

export type UpdateFeaturedListWorkflowInput = UpdateFeaturedListInput & { province_code: string | null }

/**
 * Edits, reorders, publishes or unpublishes a list (one workflow: each is a change of the list's fields). New
 * products are checked against the list's province first.
 */
export const updateFeaturedListWorkflow = createWorkflow("update-featured-list", (input: UpdateFeaturedListWorkflowInput) => {
  when({ input }, ({ input }) => !!input.product_ids).then(() => {
    checkFeaturedProductsStep(transform({ input }, ({ input }) => ({ product_ids: input.product_ids ?? [], province_code: input.province_code })))
  })
  const list = updateFeaturedListStep(
    transform({ input }, ({ input }) => {
      const { province_code: _province, ...changes } = input
      return changes
    })
  )
  emitEventStep({ eventName: OcopEvents.FEATURED_LIST_CHANGED, data: { id: input.id } })
  return new WorkflowResponse(list)
})
