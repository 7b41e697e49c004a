import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { VnpayIpnRecord } from "../../../modules/payment-vnpay/service"
import { patchSessionData, restoreSessionData } from "../../../lib/payment-session-data"

/**
 * Writes VNPay's answer into the session: the provider authorizes a session only when this record says paid, and a
 * second IPN for the same session finds it and changes nothing. `held`: a payment for an order already cancelled is
 * kept apart (`held_ipn`), for the operator to refund, and never authorizes anything.
 */
export const recordVnpayIpnStep = createStep(
  "record-vnpay-ipn",
  async ({ payment_session_id, ipn, held }: { payment_session_id: string; ipn: VnpayIpnRecord; held?: boolean }, { container }) => {
    const previous = await patchSessionData(container, payment_session_id, held ? { held_ipn: ipn } : { ipn })
    return new StepResponse({ payment_session_id: previous.session.id }, previous)
  },
  async (previous, { container }) => restoreSessionData(container, previous)
)
