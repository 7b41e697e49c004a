import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { fromDateOnly, toDateOnly } from "../../../modules/ocop/dates"

/** Days before a certificate's valid-until date at which its producer is told, largest first. */
export const REMINDER_THRESHOLDS = [90, 60, 30] as const

export type DueReminder = {
  certification_id: string
  threshold_days: number
  province_code: string
  product_id: string | null
  product_title: string
  stars: number
  decision_number: string | null
  valid_until: string
  recipients: string[]
}

const DAY_MS = 86_400_000

/**
 * The threshold a certificate is in on `today`: the smallest of 90/60/30 not below its days left. A window rather
 * than an exact day, so a day the job did not run is caught up the next day (and a certificate entered with 45
 * days left gets the 60-day reminder only).
 */
export function reminderThreshold(validUntil: string, today: string): number | null {
  const daysLeft = Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
  if (daysLeft < 0) return null
  return [...REMINDER_THRESHOLDS].reverse().find((t) => daysLeft <= t) ?? null
}

/** Active certificates expiring within 90 days, each with its threshold and its producer's members' emails. */
export const findDueRemindersStep = createStep("find-due-reminders", async (input: { today: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const horizon = new Date(fromDateOnly(input.today)!.getTime() + REMINDER_THRESHOLDS[0] * DAY_MS)
  const { data } = await query.graph({
    entity: "certification",
    fields: ["id", "stars", "decision_number", "valid_until", "province_code", "product.id", "product.title", "product.producer.id"],
    filters: { status: "active", valid_until: { $gte: fromDateOnly(input.today), $lte: horizon } },
  })
  const producerIds = [...new Set((data as any[]).map((c) => c.product?.producer?.id).filter(Boolean))] as string[]
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const members = producerIds.length ? await producers.listProducerMembers({ producer_id: producerIds }) : []
  const due: DueReminder[] = []
  for (const cert of data as any[]) {
    const validUntil = toDateOnly(cert.valid_until)!
    const threshold = reminderThreshold(validUntil, input.today)
    const recipients = [...new Set(members.filter((m) => m.producer_id === cert.product?.producer?.id && m.email).map((m) => m.email.toLowerCase()))]
    // Only producers with a member who can read the e-mail are told; the rest show in the curator's register.
    if (!threshold || !recipients.length) continue
    due.push({
      certification_id: cert.id,
      threshold_days: threshold,
      province_code: cert.province_code,
      product_id: cert.product?.id ?? null,
      product_title: cert.product?.title ?? "",
      stars: cert.stars,
      decision_number: cert.decision_number ?? null,
      valid_until: validUntil,
      recipients,
    })
  }
  return new StepResponse(due)
})
