import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export type PartPayment = { payment_id: string | null; captured: boolean; amount_to_refund: number }

/**
 * How much of a canceled part's refund the payment can still give back: nothing when no money was taken (cash on
 * delivery, an unpaid transfer), else the part's amount up to what was captured and not yet refunded (when the
 * last part's cancel cancelled the order, Medusa's cancel-order workflow already refunded the rest).
 */
export const readPartPaymentStep = createStep("read-part-payment", async (input: { payment_id: string | null; amount: number }, { container }) => {
  if (!input.payment_id) return new StepResponse<PartPayment>({ payment_id: null, captured: false, amount_to_refund: 0 })
  const payments = container.resolve(Modules.PAYMENT)
  const [payment] = await payments.listPayments({ id: input.payment_id }, { relations: ["captures", "refunds"] })
  const captured = (payment?.captures ?? []).reduce((sum, c) => sum + Number(c.amount), 0)
  const refunded = (payment?.refunds ?? []).reduce((sum, r) => sum + Number(r.amount), 0)
  return new StepResponse<PartPayment>({
    payment_id: input.payment_id,
    captured: captured > 0,
    amount_to_refund: Math.max(0, Math.min(Number(input.amount), captured - refunded)),
  })
})
