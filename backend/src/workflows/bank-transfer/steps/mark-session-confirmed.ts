import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { VietQrSessionData } from "../../../modules/payment-vietqr/service"
import { patchSessionData, restoreSessionData } from "../../../lib/payment-session-data"

/**
 * Writes into the VietQR session which transaction paid it; the provider authorizes a session only with this
 * mark, so Medusa's payment workflow can then create and capture the payment.
 */
export const markSessionConfirmedStep = createStep(
  "mark-vietqr-session-confirmed",
  async ({ payment_session_id, transaction_id }: { payment_session_id: string; transaction_id: string }, { container }) => {
    const confirmation: Pick<VietQrSessionData, "confirmed_by"> = { confirmed_by: transaction_id }
    return new StepResponse(undefined, await patchSessionData(container, payment_session_id, confirmation))
  },
  async (previous, { container }) => restoreSessionData(container, previous)
)
