import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { VietQrSessionData } from "../../../modules/payment-vietqr/service"

/**
 * Writes into the VietQR session which transaction paid it; the provider authorizes a session only with this
 * mark, so Medusa's payment workflow can then create and capture the payment.
 */
export const markSessionConfirmedStep = createStep(
  "mark-vietqr-session-confirmed",
  async ({ payment_session_id, transaction_id }: { payment_session_id: string; transaction_id: string }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const session = await payments.retrievePaymentSession(payment_session_id)
    const before = session.data as VietQrSessionData
    await payments.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...before, confirmed_by: transaction_id },
    })
    return new StepResponse(undefined, { session, before })
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
