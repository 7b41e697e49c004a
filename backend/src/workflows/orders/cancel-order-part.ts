import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderWorkflow,
  deleteReservationsByLineItemsStep,
  refundPaymentWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { isRefundSentByProvider } from "@ocop/domain"
import { markPartRefundedStep } from "./steps/mark-part-refunded"
import { readOrderCancellationStep } from "./steps/read-order-cancellation"
import { readPartPaymentStep } from "./steps/read-part-payment"
import { recordPartRefundStep } from "./steps/record-part-refund"
import { transitionOrderPartStep } from "./steps/transition-order-part"

export type CancelOrderPartInput = { part_id: string; producer_id: string; canceled_by?: string }

/**
 * Cancels one producer's part of an order before it leaves (pending or packed), by the producer or the operator:
 * the part becomes canceled (one conditional UPDATE: of two cancels at once one wins, the other is 400), the stock
 * its lines held returns (Medusa's own step that the whole-order cancel uses deletes their reservations), and the
 * buyer's refund — the part's lines and delivery fee — is recorded and sent back through the provider that took the
 * money with Medusa's `refundPaymentWorkflow` (Stripe pays the card back; VietQR and VNPay record it for the operator;
 * cash on delivery took nothing). When this was the order's last open part, the Medusa order is cancelled too.
 *
 * The order-level part runs under a lock per order: two producers cancelling the last two parts together must cancel
 * the order once and must not both refund what the order's cancel already refunded. The refund comes last among the
 * steps that can fail for a local reason, because money sent cannot be compensated.
 */
export const cancelOrderPartWorkflow = createWorkflow("cancel-order-part", (input: CancelOrderPartInput) => {
  const part = transitionOrderPartStep(
    transform({ input }, ({ input }) => ({
      part_id: input.part_id,
      producer_id: input.producer_id,
      from: ["pending", "packed"],
      to: "canceled" as const,
    }))
  )
  deleteReservationsByLineItemsStep(transform({ part }, ({ part }) => part.line_item_ids))
  const recorded = recordPartRefundStep(part)

  const lockKey = transform({ part }, ({ part }) => `order-cancel:${part.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 60, ttl: 180 })
  const whole = readOrderCancellationStep(transform({ part }, ({ part }) => ({ order_id: part.order_id })))
  when("cancel-order-of-canceled-parts", { whole }, ({ whole }) => whole.cancel_order).then(() => {
    cancelOrderWorkflow.runAsStep({
      input: transform({ part, input }, ({ part, input }) => ({ order_id: part.order_id, canceled_by: input.canceled_by })),
    })
  })
  const payment = readPartPaymentStep(
    transform({ recorded }, ({ recorded }) => ({ payment_id: recorded.payment_id, amount: Number(recorded.amount) }))
  )
  when("refund-part-payment", { payment }, ({ payment }) => payment.amount_to_refund > 0).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ payment, input }, ({ payment, input }) => ({
        payment_id: payment.payment_id as string,
        amount: payment.amount_to_refund,
        created_by: input.canceled_by,
        note: "Hủy phần đơn của nhà sản xuất / producer's part canceled",
      })),
    })
  })
  const sent = when(
    "mark-part-refunded-by-provider",
    { recorded, payment },
    ({ recorded, payment }) => payment.captured && isRefundSentByProvider(recorded.provider_id)
  ).then(() => markPartRefundedStep({ refund_id: recorded.id }))
  releaseLockStep({ key: lockKey })

  const refund = transform({ recorded, sent }, ({ recorded, sent }) => ({
    id: recorded.id,
    amount: Number(recorded.amount),
    status: sent?.status ?? recorded.status,
    provider_id: recorded.provider_id,
    payment_id: recorded.payment_id,
  }))
  return new WorkflowResponse({ part, refund, order_canceled: transform({ whole }, ({ whole }) => whole.cancel_order) })
})
