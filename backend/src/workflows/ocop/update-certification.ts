import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { updateCertificationStep, type UpdateCertificationInput } from "./steps/update-certification"

export const updateCertificationWorkflow = createWorkflow("update-certification", (input: UpdateCertificationInput) => {
  const certification = updateCertificationStep(input)
  emitEventStep(
    transform({ certification }, ({ certification }) => ({
      eventName: OcopEvents.CERTIFICATION_UPDATED,
      data: { id: certification.id },
    }))
  )
  return new WorkflowResponse(certification)
})
