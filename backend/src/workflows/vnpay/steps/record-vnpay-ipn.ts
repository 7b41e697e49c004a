import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { VnpayIpnRecord, VnpaySessionData } from "../../../modules/payment-vnpay/service"

/**
 * Writes VNPay's answer into the session: the provider authorizes a session only when this record says paid, and a
 * second IPN for the same session finds it and changes nothing.
 */
export const recordVnpayIpnStep = createStep(
  "record-vnpay-ipn",
  async ({ payment_session_id, ipn }: { payment_session_id: string; ipn: VnpayIpnRecord }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const session = await payments.retrievePaymentSession(payment_session_id)
    const before = session.data as VnpaySessionData
    await payments.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...before, ipn },
    })
    return new StepResponse({ payment_session_id: session.id }, { session, before })
  },
  async (previous, { container }) => {
    if (!previous) return
    const { session, before } = previous
    await container.resolve(Modules.PAYMENT).updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: before,
      status: session.status,
    })
  }
)
