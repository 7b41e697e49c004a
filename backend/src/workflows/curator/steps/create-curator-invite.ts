import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"

export type CreateCuratorInviteInput = {
  email: string
  scope: "province" | "national"
  province_codes: string[]
  token_hash: string
  expires_at: Date
  invited_by: string | null
}

export const createCuratorInviteStep = createStep(
  "create-curator-invite",
  async (input: CreateCuratorInviteInput, { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    // The link could never be accepted; the operator changes the existing curator's provinces instead.
    const [existing] = await curators.listCurators({ email: input.email })
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `email: ${input.email} đã có tài khoản cán bộ, đổi tỉnh bằng POST /admin/curators/${existing.id} / already a curator`
      )
    }
    const invite = await curators.createCuratorInvites(input)
    return new StepResponse(invite, invite.id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.deleteCuratorInvites([inviteId])
  }
)
