import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { readConfig } from "../lib/config"
import { findExpiredTransferOrders } from "../workflows/bank-transfer/find-expired-transfer-orders"

/**
 * Cancels the VietQR orders nobody paid within OCOP_VIETQR_EXPIRY_MINUTES, which releases their reserved stock
 * (Medusa's cancel-order workflow). A transfer that lands later is held for the operator (`order_canceled`).
 * Returns the cancelled order ids.
 */
export async function expireUnpaidTransfers(container: MedusaContainer, now = new Date()) {
  const settings = readConfig().vietqr
  if (!settings) return []
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const before = new Date(now.getTime() - settings.expiryMinutes * 60_000)
  const cancelled: string[] = []
  for (const orderId of await findExpiredTransferOrders(container, before)) {
    try {
      // One order at a time: one that cannot be cancelled (already shipped by hand) must not stop the others.
      await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
      cancelled.push(orderId)
    } catch (error) {
      logger.warn(`VietQR expiry: order ${orderId} was not cancelled: ${(error as Error).message}`)
    }
  }
  if (cancelled.length) logger.info(`VietQR expiry: ${cancelled.length} unpaid order(s) cancelled, stock released`)
  return cancelled
}

export default async function expireUnpaidTransfersJob(container: MedusaContainer) {
  await expireUnpaidTransfers(container)
}

export const config = {
  name: "expire-unpaid-vietqr-orders",
  schedule: "*/5 * * * *",
}
