import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireCertificationsWorkflow } from "../workflows/ocop/expire-certifications"
import { todayInVietnam } from "../modules/ocop/dates"

/**
 * Nightly sweep (00:05 in Vietnam): certificates past their 36 months become "expired" in the database.
 * Buyers never see a lapsed badge even before it runs: the store computes the effective status on read.
 */
export default async function expireCertificationsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await expireCertificationsWorkflow(container).run({ input: { today: todayInVietnam() } })
  logger.info(`OCOP expiry sweep: ${result.length} certificate(s) expired`)
}

export const config = {
  name: "expire-ocop-certifications",
  schedule: "5 17 * * *", // 17:05 UTC = 00:05 UTC+7
}
