import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { computePartRefundAmount } from "@ocop/domain"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

export const recordPartRefundStepId = "record-part-refund"

export type RecordPartRefundInput = {
  id: string
  order_id: string
  producer_id: string
  subtotal: number
  shipping_fee: number
  currency_code: string
}

/**
 * Records what the buyer gets back for a canceled part (its lines and its delivery fee) and which payment provider
 * took the money, read from the order's payment. The record starts pending: the workflow marks it refunded once a
 * provider that sends money back by itself (Stripe) has done so; the others are the operator's to pay.
 */
export const recordPartRefundStep = createStep(
  recordPartRefundStepId,
  async (input: RecordPartRefundInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id", "payment_collections.payments.provider_id"],
      filters: { id: input.order_id },
    })
    const payment = ((data[0] as any)?.payment_collections ?? []).flatMap((c: any) => c?.payments ?? [])[0]
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const refund = await producers.createProducerRefunds({
      producer_id: input.producer_id,
      order_id: input.order_id,
      shipment_id: input.id,
      amount: computePartRefundAmount(input),
      currency_code: input.currency_code,
      provider_id: payment?.provider_id ?? null,
      payment_id: payment?.id ?? null,
    })
    return new StepResponse(refund, refund.id)
  },
  async (refundId, { container }) => {
    if (!refundId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducerRefunds([refundId])
  }
)
