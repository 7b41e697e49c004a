import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FEATURED_MODULE } from "../../../modules/featured"
import type FeaturedModuleService from "../../../modules/featured/service"
import type { RecordedBy } from "../../../modules/ocop/types"

export type CreateFeaturedListInput = {
  handle: string
  title: string
  description?: string | null
  product_ids: string[]
  province_code: string | null
  starts_at: Date
  ends_at: Date
  created_by: RecordedBy
}

/** Creates the list as a draft; removed again if a later step fails. */
export const createFeaturedListStep = createStep(
  "create-featured-list",
  async (input: CreateFeaturedListInput, { container }) => {
    const featured: FeaturedModuleService = container.resolve(FEATURED_MODULE)
    const list = await featured.createFeaturedLists({ ...input, description: input.description ?? null, status: "draft" })
    return new StepResponse(list, list.id)
  },
  async (id, { container }) => {
    if (!id) return
    const featured: FeaturedModuleService = container.resolve(FEATURED_MODULE)
    await featured.deleteFeaturedLists(id)
  }
)
