import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"

type Input = { product_id: string }
type Previous = { id: string; stars: number }

/**
 * A product holds one active certificate at a time: issuing a new one supersedes the old. Returns the stars of
 * the certificate it replaced, which decide whether the new rating is an upgrade, a downgrade or a re-evaluation.
 */
export const supersedeActiveCertificationsStep = createStep(
  "supersede-active-certifications",
  async ({ product_id }: Input, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "certifications.id", "certifications.stars", "certifications.status"],
      filters: { id: product_id },
    })
    const active: Previous[] = (data[0]?.certifications ?? [])
      .filter((c: any) => c?.status === "active")
      .map((c: any) => ({ id: c.id, stars: c.stars }))
    if (active.length) {
      const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
      await ocop.updateCertifications(active.map((c) => ({ id: c.id, status: "superseded" as const })))
    }
    return new StepResponse(
      { previous_stars: active[0]?.stars ?? null },
      active.map((c) => c.id)
    )
  },
  async (supersededIds, { container }) => {
    if (!supersededIds?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(supersededIds.map((id) => ({ id, status: "active" as const })))
  }
)
