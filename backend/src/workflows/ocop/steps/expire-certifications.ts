import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { fromDateOnly } from "../../../modules/ocop/dates"

/** Marks expired every active certificate whose valid-until date is before `today`, logging each expiry. */
export const expireCertificationsStep = createStep(
  "expire-certifications",
  async ({ today }: { today: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const due = await ocop.listCertifications({ status: "active", valid_until: { $lt: fromDateOnly(today) } }, { select: ["id"] })
    const expired: string[] = []
    for (const { id } of due) {
      await ocop.changeCertificationStatus(id, "expired", `Hết hiệu lực 36 tháng (đến ${today})`)
      expired.push(id)
    }
    return new StepResponse(expired, expired)
  },
  async (expired, { container }) => {
    if (!expired?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(expired.map((id) => ({ id, status: "active" as const, status_reason: null })))
    const events = await ocop.listRatingEvents({ certification_id: expired, kind: "expiry" }, { select: ["id"] })
    await ocop.deleteRatingEvents(events.map((e) => e.id))
  }
)
