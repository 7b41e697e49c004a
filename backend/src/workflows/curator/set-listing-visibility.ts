import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { recordListingVisibilityChangeStep, type RecordListingVisibilityChangeInput } from "./steps/record-listing-visibility-change"

/**
 * A curator hides a listing of its province (e.g. a product no longer made) or shows it again. Hiding is
 * unpublishing: every store route, Medusa's own /store/products and the search (which reads published products
 * and is re-indexed on product.updated) already drop a draft, so no reader needs a new rule. The audit entry is
 * written first and deleted again if the status update fails.
 */
export const setListingVisibilityWorkflow = createWorkflow("set-listing-visibility", (input: RecordListingVisibilityChangeInput) => {
  const recorded = recordListingVisibilityChangeStep(input)
  updateProductsWorkflow.runAsStep({
    input: transform({ input, recorded }, ({ input, recorded }) => ({
      selector: { id: input.product_id },
      update: { status: recorded.status },
    })),
  })
  return new WorkflowResponse(recorded.change)
})
