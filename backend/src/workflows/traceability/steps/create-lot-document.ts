import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { LOT_DOCUMENT_KINDS } from "@ocop/contracts"

export type CreateLotDocumentInput = {
  lot_id: string
  kind: (typeof LOT_DOCUMENT_KINDS)[number]
  title: string
  file_id: string
  url: string
  mime_type: string
  size_bytes: number
  pages: number | null
  is_public: boolean
}

/** Records a stored document on its lot; removed again if a later step fails. */
export const createLotDocumentStepId = "create-lot-document"
export const createLotDocumentStep = createStep(
  createLotDocumentStepId,
  async (input: CreateLotDocumentInput, { container }) => {
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    const document = await lots.createLotDocuments(input)
    return new StepResponse(document, document.id)
  },
  async (id, { container }) => {
    if (!id) return
    const lots: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
    await lots.deleteLotDocuments(id)
  }
)
