import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { readConfig } from "../lib/config"
import { findExpiredUnpaidOrders } from "../lib/find-expired-unpaid-orders"
import { VIETQR_PROVIDER_ID } from "../modules/payment-vietqr/reference"
import { VNPAY_PROVIDER_ID } from "../modules/payment-vnpay/gateway"

/**
 * Cancels the orders paid online whose money never came: VietQR transfers after OCOP_VIETQR_EXPIRY_MINUTES, VNPay
 * payments after OCOP_VNPAY_EXPIRY_MINUTES (a buyer who left VNPay's page gets no IPN). Medusa's cancel-order
 * workflow releases their reserved stock. Money that lands later is held for the operator (VietQR's
 * `order_canceled`, VNPay's late IPN). Returns the cancelled order ids.
 */
export async function expireUnpaidPayments(container: MedusaContainer, now = new Date()) {
  const config = readConfig()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const sweeps = [
    { name: "VietQR", providerId: VIETQR_PROVIDER_ID, minutes: config.vietqr?.expiryMinutes },
    { name: "VNPay", providerId: VNPAY_PROVIDER_ID, minutes: config.vnpay?.expiryMinutes },
  ]
  const cancelled: string[] = []
  for (const sweep of sweeps) {
    if (!sweep.minutes) continue
    const before = new Date(now.getTime() - sweep.minutes * 60_000)
    let count = 0
    for (const orderId of await findExpiredUnpaidOrders(container, sweep.providerId, before)) {
      try {
        // One order at a time: one that cannot be cancelled (already shipped by hand) must not stop the others.
        await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
        cancelled.push(orderId)
        count++
      } catch (error) {
        logger.warn(`${sweep.name} expiry: order ${orderId} was not cancelled: ${(error as Error).message}`)
      }
    }
    if (count) logger.info(`${sweep.name} expiry: ${count} unpaid order(s) cancelled, stock released`)
  }
  return cancelled
}

export default async function expireUnpaidPaymentsJob(container: MedusaContainer) {
  await expireUnpaidPayments(container)
}

export const config = {
  name: "expire-unpaid-online-payments",
  schedule: "*/5 * * * *",
}
