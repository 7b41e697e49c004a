import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { computeValidUntil } from "@ocop/seed"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { fromDateOnly } from "../../../modules/ocop/dates"
import { rethrowConstraintError } from "../../../modules/ocop/constraint-errors"
import type { CertificationStatus, IssueCertificationInput } from "../../../modules/ocop/types"

/** A correction: any of the certificate's stated facts, and a status move. Dates are YYYY-MM-DD. */
export type UpdateCertificationInput = { id: string; status?: CertificationStatus; status_reason?: string | null } & Partial<
  Pick<
    IssueCertificationInput,
    | "stars"
    | "potential_five_star"
    | "score"
    | "product_group_code"
    | "decision_number"
    | "decision_date"
    | "certifying_level"
    | "valid_until"
    | "commune_code"
  >
>

const SNAPSHOT_FIELDS = [
  "stars",
  "potential_five_star",
  "score",
  "product_group_code",
  "decision_number",
  "decision_date",
  "certifying_level",
  "valid_from",
  "valid_until",
  "commune_code",
  "status",
  "status_reason",
] as const

/**
 * Corrects a certificate (an operator fixing a typo in the decision, say) and moves its status. A change of
 * stars is logged as a correction; a status change goes through the module's transition rules.
 */
export const updateCertificationStep = createStep(
  "update-certification",
  async (input: UpdateCertificationInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const before = await ocop.retrieveCertification(input.id)
    const snapshot = pickSnapshot(before, input.id)
    const eventIdsBefore = await listEventIds(ocop, input.id)
    const undo = async () => {
      await ocop.updateCertifications(snapshot as any)
      const created = (await listEventIds(ocop, input.id)).filter((e) => !eventIdsBefore.includes(e))
      if (created.length) await ocop.deleteRatingEvents(created)
    }

    const { id, status, status_reason, decision_date, valid_until, ...fields } = input
    const update: Record<string, unknown> = { id, ...fields }
    if (decision_date !== undefined) {
      update.decision_date = fromDateOnly(decision_date)
      update.valid_from = fromDateOnly(decision_date)
      if (valid_until === undefined && decision_date) update.valid_until = fromDateOnly(computeValidUntil(decision_date))
    }
    if (valid_until !== undefined) update.valid_until = fromDateOnly(valid_until)
    if (status_reason !== undefined) update.status_reason = status_reason

    try {
      await ocop.updateCertifications(update as any)
      if (input.stars !== undefined && input.stars !== before.stars) {
        await ocop.createRatingEvents({
          certification_id: id,
          kind: "correction",
          stars: input.stars,
          previous_stars: before.stars,
          decision_number: (fields.decision_number ?? before.decision_number) as string | null,
          note: status_reason ?? null,
        })
      }
      if (status && status !== before.status) {
        await ocop.changeCertificationStatus(id, status, status_reason ?? null)
      }
    } catch (error) {
      await undo()
      rethrowConstraintError(error)
    }
    const after = await ocop.retrieveCertification(id)
    return new StepResponse(after, { snapshot, eventIdsBefore })
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const id = compensation.snapshot.id as string
    await ocop.updateCertifications(compensation.snapshot as any)
    const created = (await listEventIds(ocop, id)).filter((e) => !compensation.eventIdsBefore.includes(e))
    if (created.length) await ocop.deleteRatingEvents(created)
  }
)

function pickSnapshot(before: Record<string, any>, id: string) {
  const snapshot: Record<string, unknown> = { id }
  for (const field of SNAPSHOT_FIELDS) snapshot[field] = before[field]
  return snapshot
}

async function listEventIds(ocop: OcopModuleService, certificationId: string) {
  const events = await ocop.listRatingEvents({ certification_id: certificationId }, { select: ["id"] })
  return events.map((e) => e.id)
}
