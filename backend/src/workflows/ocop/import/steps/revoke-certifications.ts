import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../../../modules/ocop"
import type OcopModuleService from "../../../../modules/ocop/service"

type Revoked = { id: string; status: string }

/** A revocation list marks certificates revoked (with a history entry); undone back to their status. */
export const revokeCertificationsStep = createStep(
  "revoke-certifications",
  async (input: { ids: string[]; reason: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const revoked: Revoked[] = []
    try {
      for (const id of input.ids) {
        const before = await ocop.retrieveCertification(id, { select: ["status"] })
        await ocop.changeCertificationStatus(id, "revoked", input.reason)
        revoked.push({ id, status: before.status })
      }
    } catch (error) {
      // A failed step is not compensated: undo the revocations it made before failing.
      await restoreRevoked(ocop, revoked)
      throw error
    }
    return new StepResponse(
      revoked.map((r) => r.id),
      revoked
    )
  },
  async (revoked, { container }) => {
    if (!revoked?.length) return
    await restoreRevoked(container.resolve(OCOP_MODULE), revoked)
  }
)

async function restoreRevoked(ocop: OcopModuleService, revoked: Revoked[]): Promise<void> {
  if (!revoked.length) return
  await ocop.updateCertifications(revoked.map((r) => ({ id: r.id, status: r.status as any, status_reason: null })))
  const events = await ocop.listRatingEvents({ certification_id: revoked.map((r) => r.id), kind: "revocation" }, { select: ["id"] })
  if (events.length) await ocop.deleteRatingEvents(events.map((e) => e.id))
}
