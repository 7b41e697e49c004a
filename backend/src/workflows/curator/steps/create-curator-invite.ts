import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
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
    const invite = await curators.createCuratorInvites(input)
    return new StepResponse(invite, invite.id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.deleteCuratorInvites([inviteId])
  }
)
