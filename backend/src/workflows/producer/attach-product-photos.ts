import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow, uploadFilesWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"

export type PhotoUpload = {
  /** Renditions of one photo; the first is the image URL Medusa shows, all are listed in the image metadata. */
  renditions: { filename: string; mimeType: string; content: string; width: number; format: string }[]
}

export type AttachProductPhotosInput = { product_id: string; photos: PhotoUpload[]; set_thumbnail: boolean }

/**
 * Stores each photo's renditions through the File Module and adds the photos to the product's images (and its
 * thumbnail). If the product update fails the uploaded files are deleted again by the upload step's compensation.
 */
export const attachProductPhotosWorkflow = createWorkflow("attach-product-photos", (input: AttachProductPhotosInput) => {
  const files = uploadFilesWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      files: input.photos.flatMap((photo) =>
        photo.renditions.map((r) => ({ filename: r.filename, mimeType: r.mimeType, content: r.content, access: "public" as const }))
      ),
    })),
  })
  const { data: products } = useQueryGraphStep({
    entity: "product",
    fields: ["id", "thumbnail", "images.id", "images.url", "images.metadata"],
    filters: { id: input.product_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "read-product-images" })
  const update = transform({ input, files, products }, ({ input, files, products }) => {
    const product = products[0] as any
    let offset = 0
    const added = input.photos.map((photo) => {
      const stored = photo.renditions.map((r, i) => ({ ...r, file: files[offset + i] }))
      offset += photo.renditions.length
      return {
        url: stored[0].file.url,
        metadata: {
          ocop_photo: true,
          file_ids: stored.map((s) => s.file.id),
          renditions: stored.map((s) => ({ format: s.format, width: s.width, url: s.file.url })),
        },
      }
    })
    const images = [
      ...(product.images ?? []).map((image: any) => ({ id: image.id, url: image.url, metadata: image.metadata ?? undefined })),
      ...added,
    ]
    return {
      selector: { id: input.product_id },
      update: {
        images,
        ...(input.set_thumbnail || !product.thumbnail ? { thumbnail: added[added.length - 1].url } : {}),
      },
    }
  })
  updateProductsWorkflow.runAsStep({ input: update })
  return new WorkflowResponse(files)
})
