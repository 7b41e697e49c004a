import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"

export type UpdateCuratorInput = {
  id: string
  name?: string
  scope?: "province" | "national"
  province_codes?: string[]
  active?: boolean
}

/**
 * Rebinds a curator to other provinces, renames, deactivates or reactivates it. Scope is read on every request,
 * so the change applies to tokens already issued.
 */
export const updateCuratorStep = createStep(
  "update-curator",
  async (input: UpdateCuratorInput, { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    const [before] = await curators.listCurators({ id: input.id })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Curator "${input.id}" was not found / không tìm thấy`)
    const scope = input.scope ?? before.scope
    // Moving to national drops the provinces; moving to province needs them.
    const provinceCodes = scope === "national" ? [] : (input.province_codes ?? before.province_codes)
    if (scope === "province" && !provinceCodes.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "province_codes: cán bộ tỉnh cần ít nhất một tỉnh / a province curator needs at least one province"
      )
    }
    const update = {
      id: before.id,
      scope,
      province_codes: provinceCodes,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { deactivated_at: input.active ? null : (before.deactivated_at ?? new Date()) } : {}),
    }
    const after = await curators.updateCurators(update)
    const previous = {
      id: before.id,
      name: before.name,
      scope: before.scope,
      province_codes: before.province_codes,
      deactivated_at: before.deactivated_at,
    }
    return new StepResponse(after, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.updateCurators(previous)
  }
)
