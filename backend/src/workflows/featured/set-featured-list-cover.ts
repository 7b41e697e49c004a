import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteFilesWorkflow, emitEventStep, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import type { PhotoUpload } from "../producer/attach-product-photos"
import { updateFeaturedListStep } from "./steps/update-featured-list"

export type SetFeaturedListCoverInput = {
  id: string
  photo: PhotoUpload
  /** The replaced cover's stored files, deleted once the new cover is in place. */
  previous_file_ids: string[]
}

/**
 * Stores the cover's renditions (the producers' photo pipeline) through the File Module and sets them as the
 * list's cover; if the update fails, the upload's compensation deletes the files again. The replaced cover's files
 * are deleted last, when nothing can fail after them any more.
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
  when({ input }, ({ input }) => input.previous_file_ids.length > 0).then(() => {
    deleteFilesWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: input.previous_file_ids })) })
  })
  emitEventStep({ eventName: OcopEvents.FEATURED_LIST_CHANGED, data: { id: input.id } })
  return new WorkflowResponse(list)
})
