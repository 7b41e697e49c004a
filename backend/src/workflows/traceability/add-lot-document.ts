import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { createLotDocumentStep, type CreateLotDocumentInput } from "./steps/create-lot-document"

export type AddLotDocumentInput = Omit<CreateLotDocumentInput, "file_id" | "url"> & { filename: string; content_base64: string }

/**
 * Stores a checked document through the File Module (private ones with private access) and records it on the lot;
 * if recording fails, the upload's compensation deletes the file.
 */
export const addLotDocumentWorkflow = createWorkflow("add-lot-document", (input: AddLotDocumentInput) => {
  const files = uploadFilesWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      files: [
        {
          filename: input.filename,
          mimeType: input.mime_type,
          content: input.content_base64,
          access: input.is_public ? ("public" as const) : ("private" as const),
        },
      ],
    })),
  })
  const document = createLotDocumentStep(
    transform({ input, files }, ({ input, files }) => {
      const { filename: _f, content_base64: _c, ...fields } = input
      return { ...fields, file_id: files[0].id, url: files[0].url }
    })
  )
  return new WorkflowResponse(document)
})
