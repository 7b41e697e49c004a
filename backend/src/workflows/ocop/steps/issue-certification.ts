import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import type { IssueCertificationInput } from "../../../modules/ocop/types"

export const issueCertificationStep = createStep(
  "issue-certification",
  async (input: IssueCertificationInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [certification] = await ocop.issueCertifications([input])
    return new StepResponse(certification, certification.id)
  },
  async (id, { container }) => {
    if (!id) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    // Hard delete: the certificate never existed; its rating events go with it (ON DELETE CASCADE).
    await ocop.deleteCertifications([id])
  }
)
