import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { setVariantStockStep } from "./steps/set-variant-stock"
import { updateProducerStoryStep } from "./steps/update-producer-story"

export type UpdateProducerProductInput = {
  product_id: string
  producer_id: string
  location_id: string
  product?: { title?: string; description?: string | null; status?: "published" | "draft" }
  story?: string | null
  variants: { id: string; title?: string; price_vnd?: number; stock?: number }[]
}

/**
 * A producer's edit of one listing: product fields, the producer's story, variant titles and VND prices, stock.
 * Ownership of the product and its variants is checked by the route before this runs; each part compensates, so
 * a failing stock update leaves the price as it was.
 */
export const updateProducerProductWorkflow = createWorkflow("update-producer-product", (input: UpdateProducerProductInput) => {
  when({ input }, ({ input }) => !!input.product && Object.keys(input.product).length > 0).then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ selector: { id: input.product_id }, update: input.product! })),
    })
  })
  when({ input }, ({ input }) => input.story !== undefined).then(() => {
    updateProducerStoryStep(transform({ input }, ({ input }) => ({ producer_id: input.producer_id, story: input.story ?? null })))
  })
  const variantUpdates = transform({ input }, ({ input }) =>
    input.variants
      .filter((v) => v.title !== undefined || v.price_vnd !== undefined)
      .map((v) => ({
        id: v.id,
        ...(v.title !== undefined ? { title: v.title } : {}),
        ...(v.price_vnd !== undefined ? { prices: [{ currency_code: "vnd", amount: v.price_vnd }] } : {}),
      }))
  )
  when({ variantUpdates }, ({ variantUpdates }) => variantUpdates.length > 0).then(() => {
    updateProductVariantsWorkflow.runAsStep({ input: { product_variants: variantUpdates } })
  })
  setVariantStockStep(
    transform({ input }, ({ input }) => ({
      location_id: input.location_id,
      variants: input.variants.filter((v) => v.stock !== undefined).map((v) => ({ id: v.id, stock: v.stock! })),
    }))
  )
  return new WorkflowResponse({ product_id: input.product_id })
})
