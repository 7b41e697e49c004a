import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"

export type CreateCuratorInput = {
  email: string
  name: string
  scope: "province" | "national"
  province_codes: string[]
}

export const createCuratorStep = createStep(
  "create-curator",
  async (input: CreateCuratorInput, { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    const [existing] = await curators.listCurators({ email: input.email })
    if (existing) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `email: ${input.email} đã có tài khoản cán bộ / already has a curator account`)
    }
    const curator = await curators.createCurators(input)
    return new StepResponse(curator, curator.id)
  },
  async (curatorId, { container }) => {
    if (!curatorId) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.deleteCurators([curatorId])
  }
)
