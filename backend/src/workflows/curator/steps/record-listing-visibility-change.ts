import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"
import type { RecordedBy } from "../../../modules/ocop/types"

export type RecordListingVisibilityChangeInput = {
  product_id: string
  hidden: boolean
  reason: string
  recorded_by: RecordedBy
}

/**
 * Writes the audit entry and says which product status the change leads to: hiding unpublishes (draft), showing
 * restores the status the product had when it was hidden. A change to the state the listing is already in is
 * refused, so the log holds only real changes.
 */
export const recordListingVisibilityChangeStep = createStep(
  "record-listing-visibility-change",
  async (input: RecordListingVisibilityChangeInput, { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    const [latest] = await curators.listListingVisibilityChanges(
      { product_id: input.product_id },
      { order: { created_at: "DESC", id: "DESC" }, take: 1 }
    )
    const hiddenNow = !!latest?.hidden
    if (hiddenNow === input.hidden) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        input.hidden ? "hidden: sản phẩm đã bị ẩn / the listing is already hidden" : "hidden: sản phẩm đang hiển thị / the listing is not hidden"
      )
    }
    const product = await container.resolve(Modules.PRODUCT).retrieveProduct(input.product_id, { select: ["id", "status"] })
    const change = await curators.createListingVisibilityChanges({
      product_id: input.product_id,
      hidden: input.hidden,
      reason: input.reason,
      previous_status: product.status,
      recorded_by_type: input.recorded_by.type,
      recorded_by_id: input.recorded_by.id,
      recorded_by_email: input.recorded_by.email ?? null,
    })
    const status = input.hidden ? "draft" : ((latest?.previous_status as "published" | "draft" | null) ?? "published")
    return new StepResponse({ change, status }, change.id)
  },
  async (changeId, { container }) => {
    if (!changeId) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.deleteListingVisibilityChanges([changeId])
  }
)
