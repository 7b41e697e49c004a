import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

/** The provider sent the part's money back: its refund record leaves the operator's to-do list. */
export const markPartRefundedStep = createStep(
  "mark-part-refunded",
  async (input: { refund_id: string }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const refund = await producers.updateProducerRefunds({ id: input.refund_id, status: "refunded" })
    return new StepResponse(refund, input.refund_id)
  },
  async (refundId, { container }) => {
    if (!refundId) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.updateProducerRefunds({ id: refundId, status: "pending" })
  }
)
