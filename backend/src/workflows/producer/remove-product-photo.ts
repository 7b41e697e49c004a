import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"

export type RemoveProductPhotoInput = { product_id: string; image_id: string }

// Runs last: a deleted file cannot come back, so nothing after it may fail and need the file.
const deletePhotoFilesStep = createStep("delete-photo-files", async (fileIds: string[], { container }) => {
  if (fileIds.length) await container.resolve(Modules.FILE).deleteFiles(fileIds)
  return new StepResponse(fileIds.length)
})

/** Takes one image off the product (moving the thumbnail to the next image) and deletes its stored renditions. */
export const removeProductPhotoWorkflow = createWorkflow("remove-product-photo", (input: RemoveProductPhotoInput) => {
  const { data: products } = useQueryGraphStep({
    entity: "product",
    fields: ["id", "thumbnail", "images.id", "images.url", "images.metadata"],
    filters: { id: input.product_id },
    options: { throwIfKeyNotFound: true },
  })
  const plan = transform({ input, products }, ({ input, products }) => {
    const product = products[0] as any
    const images: any[] = product.images ?? []
    const removed = images.find((image) => image.id === input.image_id)
    const kept = images.filter((image) => image.id !== input.image_id)
    return {
      update: {
        selector: { id: input.product_id },
        update: {
          images: kept.map((image) => ({ id: image.id, url: image.url, metadata: image.metadata ?? undefined })),
          ...(removed && product.thumbnail === removed.url ? { thumbnail: kept[0]?.url ?? null } : {}),
        },
      },
      file_ids: ((removed?.metadata?.file_ids as string[] | undefined) ?? []).filter((id) => typeof id === "string"),
    }
  })
  updateProductsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.update) })
  deletePhotoFilesStep(transform({ plan }, ({ plan }) => plan.file_ids))
  return new WorkflowResponse({ image_id: input.image_id })
})
