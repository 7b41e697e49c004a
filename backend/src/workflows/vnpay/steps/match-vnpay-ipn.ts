import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sessionIdOfTxnRef, VNPAY_PROVIDER_ID } from "../../../modules/payment-vnpay/gateway"
import type { VnpaySessionData } from "../../../modules/payment-vnpay/service"

/** One verified IPN call, its amount already back in đồng (the library divides VNPay's ×100). */
export type VnpayIpnInput = {
  txn_ref: string
  amount: number
  response_code: string
  transaction_status: string | null
  transaction_no: string | null
  bank_code: string | null
  pay_date: string | null
}

/** What the IPN means; the route turns it into VNPay's RspCode. */
export type VnpayIpnOutcome = "paid" | "failed" | "order_not_found" | "invalid_amount" | "already_confirmed" | "order_canceled"

export type VnpayIpnMatch = { outcome: VnpayIpnOutcome; payment_session_id: string | null; order_id: string | null }

/** VNPay took the money: both vnp_ResponseCode and vnp_TransactionStatus are "00". */
export const isVnpayPaid = (input: Pick<VnpayIpnInput, "response_code" | "transaction_status">) =>
  input.response_code === "00" && (input.transaction_status ?? "00") === "00"

/**
 * Decides what an IPN means, reading only, in the order VNPay's own integration guide checks: the order exists,
 * the amount is the order's, it was not confirmed before. "Paid" needs both vnp_ResponseCode and
 * vnp_TransactionStatus "00"; any other code is a payment that did not happen.
 */
export const matchVnpayIpnStep = createStep("match-vnpay-ipn", async (input: VnpayIpnInput, { container }) => {
  const payments = container.resolve(Modules.PAYMENT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const decide = (outcome: VnpayIpnOutcome, session: string | null = null, order: string | null = null) =>
    new StepResponse<VnpayIpnMatch>({ outcome, payment_session_id: session, order_id: order })

  const [session] = await payments.listPaymentSessions(
    { id: sessionIdOfTxnRef(input.txn_ref), provider_id: VNPAY_PROVIDER_ID },
    { relations: ["payment"] }
  )
  if (!session) return decide("order_not_found")
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: session.payment_collection_id },
  })
  const orderId: string | undefined = links[0]?.order_id
  // A session whose cart never became an order: nothing to pay for.
  if (!orderId) return decide("order_not_found", session.id)
  if (Number(session.amount) !== input.amount) return decide("invalid_amount", session.id, orderId)
  const data = session.data as VnpaySessionData | undefined
  if (data?.ipn || data?.held_ipn || session.payment) return decide("already_confirmed", session.id, orderId)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: orderId } })
  if (!orders[0] || orders[0].status === "canceled") return decide("order_canceled", session.id, orderId)
  return decide(isVnpayPaid(input) ? "paid" : "failed", session.id, orderId)
})
