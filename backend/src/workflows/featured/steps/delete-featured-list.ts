import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FEATURED_MODULE } from "../../../modules/featured"
import type FeaturedModuleService from "../../../modules/featured/service"

/** Soft-deletes the list (it leaves the shop at once); restored if a later step fails. */
export const deleteFeaturedListStep = createStep(
  "delete-featured-list",
  async (id: string, { container }) => {
    const featured: FeaturedModuleService = container.resolve(FEATURED_MODULE)
    await featured.softDeleteFeaturedLists(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const featured: FeaturedModuleService = container.resolve(FEATURED_MODULE)
    await featured.restoreFeaturedLists(id)
  }
)
