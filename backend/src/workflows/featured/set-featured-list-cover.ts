import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { FEATURED_LIST_CHANGED } from "../../modules/featured"
import type { PhotoUpload } from "../producer/attach-product-photos"
import { updateFeaturedListStep } from "./steps/update-featured-list"

export type SetFeaturedListCoverInput = { id: string; photo: PhotoUpload }

/**
 * Stores the cover's renditions (the producers' photo pipeline) through the File Module and sets them as the
 * list's cover; if the update fails, the upload's compensation deletes the files again.
 */
export const setFeaturedListCoverWorkflow = createWorkflow("set-featured-list-cover", (input: SetFeaturedListCoverInput) => {
  const files = uploadFilesWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      files: input.photo.renditions.map((r) => ({ filename: r.filename, mimeType: r.mimeType, content: r.content, access: "public" as const })),
    })),
  })
  const cover = transform({ input, files }, ({ input, files }) => ({
    id: input.id,
    cover: {
      url: files[0].url,
      file_ids: files.map((f) => f.id),
      renditions: input.photo.renditions.map((r, i) => ({ format: r.format, width: r.width, url: files[i].url })),
    },
  }))
  const list = updateFeaturedListStep(cover)
  emitEventStep({ eventName: FEATURED_LIST_CHANGED, data: { id: input.id } })
  return new WorkflowResponse(list)
})
