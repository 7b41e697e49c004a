import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentActions } from "@medusajs/framework/utils"
import { acquireLockStep, cancelOrderWorkflow, processPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { isVnpayPaid, matchVnpayIpnStep, type VnpayIpnInput } from "./steps/match-vnpay-ipn"
import { recordVnpayIpnStep } from "./steps/record-vnpay-ipn"

export const applyVnpayIpnWorkflowId = "apply-vnpay-ipn"

/**
 * VNPay's verified IPN: a successful payment authorizes and captures the order's payment through Medusa's own
 * payment workflow (as VietQR's bank webhook does); a failed one cancels the order, which releases its stock.
 * VNPay retries until it reads RspCode 00 or 02: the lock per reference makes two copies arriving together meet
 * one after the other, and the second finds the recorded answer ("already_confirmed"). A payment that succeeds
 * after its order was cancelled (expired unpaid) is answered "already confirmed" and held on the session for the
 * operator to refund; it never revives the order.
 */
export const applyVnpayIpnWorkflow = createWorkflow(applyVnpayIpnWorkflowId, (input: VnpayIpnInput) => {
  const lockKey = transform({ input }, ({ input }) => `vnpay-ipn:${input.txn_ref}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const match = matchVnpayIpnStep(input)
  const record = transform({ match, input }, ({ match, input }) => ({
    payment_session_id: match.payment_session_id as string,
    ipn: {
      response_code: input.response_code,
      transaction_status: input.transaction_status ?? input.response_code,
      transaction_no: input.transaction_no,
      bank_code: input.bank_code,
      pay_date: input.pay_date,
      received_at: new Date().toISOString(),
    },
  }))

  when("capture-vnpay-payment", { match }, ({ match }) => match.outcome === "paid").then(() => {
    recordVnpayIpnStep(record).config({ name: "record-paid-vnpay-ipn" })
    const capture = transform({ match, input }, ({ match, input }) => ({
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: match.payment_session_id as string, amount: input.amount },
    }))
    processPaymentWorkflow.runAsStep({ input: capture })
  })

  when("cancel-unpaid-vnpay-order", { match }, ({ match }) => match.outcome === "failed").then(() => {
    recordVnpayIpnStep(record).config({ name: "record-failed-vnpay-ipn" })
    const cancel = transform({ match }, ({ match }) => ({ order_id: match.order_id as string }))
    cancelOrderWorkflow.runAsStep({ input: cancel })
  })

  when("hold-late-vnpay-payment", { match, input }, ({ match, input }) => match.outcome === "order_canceled" && isVnpayPaid(input)).then(() => {
    recordVnpayIpnStep(transform({ record }, ({ record }) => ({ ...record, held: true }))).config({ name: "record-held-vnpay-ipn" })
  })

  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(match)
})
