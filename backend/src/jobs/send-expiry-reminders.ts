import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendExpiryRemindersWorkflow } from "../workflows/curator/send-expiry-reminders"
import { todayInVietnam } from "../modules/ocop/dates"

/** Daily (08:00 in Vietnam, when offices read mail): producers hear 90, 60 and 30 days before a certificate expires. */
export default async function sendExpiryRemindersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await sendExpiryRemindersWorkflow(container).run({ input: { today: todayInVietnam() } })
  logger.info(`OCOP expiry reminders: ${result.length} certificate reminder(s) sent`)
}

export const config = {
  name: "send-ocop-expiry-reminders",
  schedule: "0 1 * * *", // 01:00 UTC = 08:00 UTC+7
}
