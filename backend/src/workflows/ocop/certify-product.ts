import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type { IssueCertificationInput } from "../../modules/ocop/types"
import { OcopEvents, ratingKind } from "@ocop/domain"
import { supersedeActiveCertificationsStep } from "./steps/supersede-active-certifications"
import { issueCertificationStep } from "./steps/issue-certification"

export type CertifyProductInput = {
  product_id: string
  certification: Omit<IssueCertificationInput, "event_kind" | "previous_stars">
}

/**
 * Certifies a product: supersedes its active certificate, issues the new one with its history entry and links
 * it to the product. Every step undoes itself if a later one fails.
 */
export const certifyProductWorkflow = createWorkflow("certify-product", (input: CertifyProductInput) => {
  // Throws a NOT_FOUND error naming the product when the id is wrong, before anything is written.
  useQueryGraphStep({
    entity: "product",
    fields: ["id"],
    filters: { id: input.product_id },
    options: { throwIfKeyNotFound: true },
  })
  const superseded = supersedeActiveCertificationsStep({ product_id: input.product_id })
  const issueInput = transform({ input, superseded }, ({ input, superseded }) => ({
    ...input.certification,
    previous_stars: superseded.previous_stars,
    event_kind: ratingKind(superseded.previous_stars, input.certification.stars),
  }))
  const certification = issueCertificationStep(issueInput)
  const links = transform({ input, certification }, ({ input, certification }) => [
    { [Modules.PRODUCT]: { product_id: input.product_id }, [OCOP_MODULE]: { certification_id: certification.id } },
  ])
  createRemoteLinkStep(links)
  const event = transform({ input, certification }, ({ input, certification }) => ({
    eventName: OcopEvents.CERTIFICATION_ISSUED,
    data: { id: certification.id, product_id: input.product_id },
  }))
  emitEventStep(event)
  return new WorkflowResponse(certification)
})
