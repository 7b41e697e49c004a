import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { FEATURED_MODULE } from "../../../modules/featured"
import type FeaturedModuleService from "../../../modules/featured/service"

export type UpdateFeaturedListInput = {
  id: string
  title?: string
  description?: string | null
  product_ids?: string[]
  starts_at?: Date
  ends_at?: Date
  status?: "draft" | "published"
  cover?: Record<string, unknown> | null
}

const FIELDS = ["title", "description", "product_ids", "starts_at", "ends_at", "status", "cover"] as const

/**
 * Changes a list's own fields; the dates are checked together with the stored ones (a new end before the stored
 * start is refused). The compensation puts the previous values back.
 */
export const updateFeaturedListStep = createStep(
  "update-featured-list",
  async (input: UpdateFeaturedListInput, { container }) => {
    const featured: FeaturedModuleService = container.resolve(FEATURED_MODULE)
    const previous = await featured.retrieveFeaturedList(input.id)
    const startsAt = new Date(input.starts_at ?? previous.starts_at)
    const endsAt = new Date(input.ends_at ?? previous.ends_at)
    if (endsAt <= startsAt) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at: phải sau starts_at / must be after starts_at")
    }
    const changes = Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]))
    const updated = await featured.updateFeaturedLists({ id: input.id, ...changes })
    const restore = Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, previous[f]]))
    return new StepResponse(updated, { id: input.id, ...restore })
  },
  async (restore, { container }) => {
    if (!restore) return
    const featured: FeaturedModuleService = container.resolve(FEATURED_MODULE)
    await featured.updateFeaturedLists(restore as any)
  }
)
