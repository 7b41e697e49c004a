import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { addProducerVariantWorkflow } from "../producer/add-producer-variant"
import { updateProducerStoryStep } from "../producer/steps/update-producer-story"

export type CompleteDemoListingInput = {
  product_id: string
  /** the shop's warehouse; the demo pack sizes track no stock (made to order), as a producer's without stock */
  location_id: string
  description: string
  /** a generated placeholder photo, WebP in base64 */
  photo: { filename: string; content: string }
  variant: { title: string; price_vnd: number }
  /** the producer's story, when its producer has none yet (a story written in the portal is kept) */
  producer_story: { producer_id: string; story: string } | null
}

/**
 * Turns an imported demo listing (a showcase product, as every imported one) into what the demo shop sells: its
 * placeholder photo and description, the pack size with its VND price (the producer's own add-pack-size workflow),
 * and the producer's story. Each part undoes itself if a later one fails, so a listing is completed whole or not.
 */
export const completeDemoListingWorkflow = createWorkflow("complete-demo-listing", (input: CompleteDemoListingInput) => {
  const files = uploadFilesWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      files: [{ filename: input.photo.filename, mimeType: "image/webp", content: input.photo.content, access: "public" as const }],
    })),
  })
  updateProductsWorkflow.runAsStep({
    input: transform({ input, files }, ({ input, files }) => ({
      selector: { id: input.product_id },
      update: { description: input.description, thumbnail: files[0].url, images: [{ url: files[0].url }] },
    })),
  })
  const variant = addProducerVariantWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ product_id: input.product_id, location_id: input.location_id, variant: input.variant })),
  })
  when({ input }, ({ input }) => input.producer_story !== null).then(() => {
    updateProducerStoryStep(transform({ input }, ({ input }) => input.producer_story!))
  })
  return new WorkflowResponse(variant)
})
