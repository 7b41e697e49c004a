import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, dismissRemoteLinkStep, emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { Modules } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../modules/producer"
import { findOrCreateProducerStep, type CreateProducerInput } from "./steps/create-producer"

export type AssignProducerInput = { product_id: string; producer: CreateProducerInput }

/** Links a product to its producer (found by name + province, else created), replacing any previous producer. */
export const assignProducerWorkflow = createWorkflow("assign-producer", (input: AssignProducerInput) => {
  const { data: products } = useQueryGraphStep({
    entity: "product",
    fields: ["id", "producer.id"],
    filters: { id: input.product_id },
    options: { throwIfKeyNotFound: true },
  })
  const producer = findOrCreateProducerStep(input.producer)
  const previous = transform({ products, producer }, ({ products, producer }) => {
    const current = (products[0] as any)?.producer?.id
    return current && current !== producer.id
      ? [{ [Modules.PRODUCT]: { product_id: products[0].id }, [PRODUCER_MODULE]: { producer_id: current } }]
      : []
  })
  dismissRemoteLinkStep(previous)
  const link = transform({ products, producer }, ({ products, producer }) =>
    (products[0] as any)?.producer?.id === producer.id
      ? []
      : [{ [Modules.PRODUCT]: { product_id: products[0].id }, [PRODUCER_MODULE]: { producer_id: producer.id } }]
  )
  createRemoteLinkStep(link)
  // Link changes emit no event a subscriber could use; the search index needs to know.
  emitEventStep({ eventName: OcopEvents.PRODUCT_PRODUCER_ASSIGNED, data: { product_id: input.product_id } })
  return new WorkflowResponse(producer)
})
