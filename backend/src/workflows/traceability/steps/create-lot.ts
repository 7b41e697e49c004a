import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { generatePublicLotCode } from "../../../traceability/public-code"

export type CreateLotInput = {
  product_id: string
  code: string
  made_on: Date
  best_before: Date | null
  quantity: number
  growing_area_code: string | null
  commune_code: string | null
}

/** Creates the lot with a fresh public code; deleted again if a later step fails. */
export const createLotStepId = "create-lot"
export const createLotStep = createStep(
  createLotStepId,
  async (input: CreateLotInput, { container }) => {
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    // A friendly refusal first; the unique index still decides between two requests at once.
    const [taken] = await lots.listLots({ product_id: input.product_id, code: input.code }, { take: 1 })
    if (taken) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `code: sản phẩm này đã có lô "${input.code}" / this product already has a lot "${input.code}"`
      )
    }
    const lot = await lots.createLots({ ...input, public_code: generatePublicLotCode(), status: "active" })
    return new StepResponse(lot, lot.id)
  },
  async (id, { container }) => {
    if (!id) return
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await lots.deleteLots(id)
  }
)
