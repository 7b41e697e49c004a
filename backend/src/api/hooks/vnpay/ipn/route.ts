import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import vnpay, { type IpnResponse } from "../../../../modules/payment-vnpay/library"
import { applyVnpayIpnWorkflow } from "../../../../workflows/vnpay/apply-vnpay-ipn"
import type { VnpayIpnOutcome } from "../../../../workflows/vnpay/steps/match-vnpay-ipn"
import { answerVnpay, type VnpayIpnRequest } from "./verify-ipn"

const { InpOrderAlreadyConfirmed, IpnInvalidAmount, IpnOrderNotFound, IpnSuccess } = vnpay

/** VNPay's answer per outcome: a recorded failure is still "received" (00), or VNPay would retry it. */
const ANSWERS: Record<VnpayIpnOutcome, IpnResponse> = {
  paid: IpnSuccess,
  failed: IpnSuccess,
  order_not_found: IpnOrderNotFound,
  invalid_amount: IpnInvalidAmount,
  already_confirmed: InpOrderAlreadyConfirmed,
  order_canceled: InpOrderAlreadyConfirmed,
}

/**
 * GET /hooks/vnpay/ipn — VNPay's server tells the shop how a payment ended (checksum verified in middleware).
 * The only place a VNPay order becomes paid; the buyer's return page only reads the result.
 */
export const GET = async (req: VnpayIpnRequest, res: MedusaResponse) => {
  const ipn = req.vnpayIpn!
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await applyVnpayIpnWorkflow(req.scope).run({ input: ipn })
  if (result.outcome === "order_not_found") logger.warn(`VNPay IPN for an unknown payment: vnp_TxnRef ${ipn.txn_ref}`)
  if (result.outcome === "invalid_amount") logger.warn(`VNPay IPN amount ${ipn.amount} does not match vnp_TxnRef ${ipn.txn_ref}`)
  if (result.outcome === "order_canceled" && ipn.response_code === "00") {
    logger.warn(
      `VNPay paid canceled order ${result.order_id} (vnp_TxnRef ${ipn.txn_ref}): held on the session (held_ipn) for the operator to refund in VNPay's merchant portal`
    )
  }
  answerVnpay(res, ANSWERS[result.outcome])
}
