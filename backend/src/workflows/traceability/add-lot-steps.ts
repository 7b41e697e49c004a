import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import type { PhotoUpload } from "../producer/attach-product-photos"
import { createLotStepsStep, type LotStepInput } from "./steps/create-lot-steps"

export type AddLotStepInput = { lot_id: string; step: Omit<LotStepInput, "photo">; photo: PhotoUpload | null }

/**
 * One timeline step, with its photo (already through the photo pipeline) stored through the File Module first; if
 * recording the step fails, the upload's compensation deletes the files again.
 */
export const addLotStepWorkflow = createWorkflow("add-lot-step", (input: AddLotStepInput) => {
  const files = when({ input }, ({ input }) => !!input.photo).then(() =>
    uploadFilesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        files: input.photo!.renditions.map((r) => ({ filename: r.filename, mimeType: r.mimeType, content: r.content, access: "public" as const })),
      })),
    })
  )
  const steps = createLotStepsStep(
    transform({ input, files }, ({ input, files }) => ({
      lot_id: input.lot_id,
      steps: [
        {
          ...input.step,
          photo:
            input.photo && files
              ? {
                  url: files[0].url,
                  file_ids: files.map((f) => f.id),
                  renditions: input.photo.renditions.map((r, i) => ({ format: r.format, width: r.width, url: files[i].url })),
                }
              : null,
        },
      ],
    }))
  )
  return new WorkflowResponse(steps)
})
