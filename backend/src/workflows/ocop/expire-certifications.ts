import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { expireCertificationsStep } from "./steps/expire-certifications"

export const expireCertificationsWorkflow = createWorkflow("expire-certifications", (input: { today: string }) => {
  const expired = expireCertificationsStep(input)
  emitEventStep(
    transform({ expired }, ({ expired }) => ({
      eventName: OcopEvents.CERTIFICATION_UPDATED,
      data: expired.map((id) => ({ id })),
    }))
  )
  return new WorkflowResponse(expired)
})
