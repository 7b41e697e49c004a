import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { ensurePackSizeOptionStep } from "./steps/ensure-pack-size-option"
import { setVariantStockStep } from "./steps/set-variant-stock"

export type AddProducerVariantInput = {
  product_id: string
  location_id: string
  variant: { title: string; price_vnd: number; stock?: number }
}

/**
 * A producer adds a pack size to its listing: the pack-size option value, the variant with its VND price, then
 * its stock at the producer's warehouse. Without stock the variant does not track inventory (made to order).
 * The search index's product-variant.created subscriber makes the listing buyable; nothing else to publish.
 */
export const addProducerVariantWorkflow = createWorkflow("add-producer-variant", (input: AddProducerVariantInput) => {
  const option = ensurePackSizeOptionStep(transform({ input }, ({ input }) => ({ product_id: input.product_id, value: input.variant.title })))
  const created = createProductVariantsWorkflow.runAsStep({
    input: transform({ input, option }, ({ input, option }) => ({
      product_variants: [
        {
          product_id: input.product_id,
          title: input.variant.title,
          options: { [option.option_title]: input.variant.title },
          manage_inventory: false,
          prices: [{ currency_code: "vnd", amount: input.variant.price_vnd }],
        },
      ],
    })),
  })
  const variantId = transform({ created }, ({ created }) => (created as any[])[0].id as string)
  setVariantStockStep(
    transform({ input, variantId }, ({ input, variantId }) => ({
      location_id: input.location_id,
      variants: input.variant.stock === undefined ? [] : [{ id: variantId, stock: input.variant.stock }],
    }))
  )
  return new WorkflowResponse({ variant_id: variantId })
})
