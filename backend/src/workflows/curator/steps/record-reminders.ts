import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateEntityId } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"
import { fromDateOnly } from "../../../modules/ocop/dates"
import type { DueReminder } from "./find-due-reminders"

/**
 * Takes each due reminder in the table before anything is sent; only the ones this run took go on to be sent.
 * Undone (rows deleted) when sending fails, so the next run tries again.
 */
export const recordRemindersStep = createStep(
  "record-reminders",
  async (due: DueReminder[], { container }) => {
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    const rows = due.map((d) => ({
      id: generateEntityId(undefined, "ocrem"),
      certification_id: d.certification_id,
      threshold_days: d.threshold_days,
      province_code: d.province_code,
      product_id: d.product_id,
      valid_until: fromDateOnly(d.valid_until)!,
      recipients: d.recipients,
    }))
    const taken = new Set(await curators.claimCertificateReminders(rows))
    const claimed = rows.flatMap((row, i) => (taken.has(row.id) ? [{ reminder_id: row.id, ...due[i] }] : []))
    return new StepResponse(claimed, [...taken])
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    await curators.deleteCertificateReminders(ids)
  }
)
