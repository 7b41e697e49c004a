import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { computeValidUntil } from "@ocop/domain"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { fromDateOnly } from "../../../modules/ocop/dates"
import { rethrowConstraintError } from "../../../modules/ocop/constraint-errors"
import { recordedByColumns } from "../../../modules/ocop/types"
import type { CertificationStatus, IssueCertificationInput, RecordedBy } from "../../../modules/ocop/types"

/**
 * A correction: any of the certificate's stated facts, and a status move. Dates are YYYY-MM-DD. `note` says why
 * (kept in the history entry); `recorded_by` says who, for the rating history.
 */
export type UpdateCertificationInput = {
  id: string
  status?: CertificationStatus
  status_reason?: string | null
  note?: string | null
  recorded_by?: RecordedBy | null
  /** The decision that moves the status (a revocation's own number and date, YYYY-MM-DD). */
  status_decision?: { decision_number: string | null; decision_date: string | null }
} & Partial<
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
 * Corrects a certificate (an operator fixing a typo in the decision, say) and moves its status. Any change of a
 * stated fact is logged as one correction naming the fields, old → new (provinces report on who changed what);
 * a status change goes through the module's transition rules and logs its own entry.
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

    const { id, status, status_reason, status_decision, decision_date, valid_until, note, recorded_by, ...fields } = input
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
      const corrected = await ocop.retrieveCertification(id)
      const changes = describeChanges(before, corrected)
      if (changes.length) {
        await ocop.createRatingEvents({
          certification_id: id,
          kind: "correction",
          stars: corrected.stars,
          previous_stars: before.stars,
          decision_number: corrected.decision_number,
          decision_date: corrected.decision_date,
          note: [note ?? status_reason, changes.join("; ")].filter(Boolean).join(" — "),
          ...recordedByColumns(recorded_by),
        })
      }
      if (status && status !== before.status) {
        await ocop.changeCertificationStatus(id, status, status_reason ?? null, { ...status_decision, recorded_by })
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

// The facts a correction can change; status has its own history entries.
const CORRECTABLE_FIELDS = SNAPSHOT_FIELDS.filter((f) => f !== "status" && f !== "status_reason")

/** "decision_number: 12/QĐ → 45/QĐ-UBND" for each stated fact the update changed (dates as YYYY-MM-DD). */
function describeChanges(before: Record<string, any>, after: Record<string, any>): string[] {
  const shown = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "—" : String(v))
  return CORRECTABLE_FIELDS.filter((f) => shown(before[f]) !== shown(after[f])).map((f) => `${f}: ${shown(before[f])} → ${shown(after[f])}`)
}

function pickSnapshot(before: Record<string, any>, id: string) {
  const snapshot: Record<string, unknown> = { id }
  for (const field of SNAPSHOT_FIELDS) snapshot[field] = before[field]
  return snapshot
}

async function listEventIds(ocop: OcopModuleService, certificationId: string) {
  const events = await ocop.listRatingEvents({ certification_id: certificationId }, { select: ["id"] })
  return events.map((e) => e.id)
}
