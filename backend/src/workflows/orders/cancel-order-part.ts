import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteReservationsByLineItemsStep } from "@medusajs/medusa/core-flows"
import { recordPartRefundStep } from "./steps/record-part-refund"
import { transitionOrderPartStep } from "./steps/transition-order-part"

/**
 * Cancels one producer's part of an order before it leaves (pending or packed), by the producer or the operator:
 * the part becomes canceled, the stock its lines held returns (Medusa's own step that the whole-order cancel uses
 * deletes their reservations), and the buyer's refund is recorded. Other producers' parts are untouched.
 *
 * Hook `partRefundRecorded` ({ refund_id, provider_id, payment_id, amount }): where a provider that can pay back by
 * itself took the money (Stripe, `pp_stripe_*`), consume it to run Medusa's `refundPaymentWorkflow` for the amount
 * and mark the record refunded; COD and VietQR have no such provider and stay with the operator.
 */
export const cancelOrderPartWorkflow = createWorkflow("cancel-order-part", (input: { part_id: string; producer_id: string }) => {
  const part = transitionOrderPartStep(
    transform({ input }, ({ input }) => ({
      part_id: input.part_id,
      producer_id: input.producer_id,
      from: ["pending", "packed"],
      to: "canceled" as const,
    }))
  )
  deleteReservationsByLineItemsStep(transform({ part }, ({ part }) => part.line_item_ids))
  const refund = recordPartRefundStep(part)
  const partRefundRecorded = createHook("partRefundRecorded", {
    refund_id: refund.id,
    provider_id: refund.provider_id,
    payment_id: refund.payment_id,
    amount: refund.amount,
  })
  return new WorkflowResponse({ part, refund }, { hooks: [partRefundRecorded] })
})
