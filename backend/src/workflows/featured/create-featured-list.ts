import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { checkFeaturedProductsStep } from "./steps/check-featured-products"
import { createFeaturedListStep, type CreateFeaturedListInput } from "./steps/create-featured-list"

/** A new draft list, after every product is checked to be the list's province's. */
export const createFeaturedListWorkflow = createWorkflow("create-featured-list", (input: CreateFeaturedListInput) => {
  checkFeaturedProductsStep({ product_ids: input.product_ids, province_code: input.province_code })
  const list = createFeaturedListStep(input)
  emitEventStep({ eventName: OcopEvents.FEATURED_LIST_CHANGED, data: transform({ list }, ({ list }) => ({ id: list.id })) })
  return new WorkflowResponse(list)
})
