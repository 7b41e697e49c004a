import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../modules/traceability"
import { createLotStep, type CreateLotInput } from "./steps/create-lot"
import { createLotStepsStep, type LotStepInput } from "./steps/create-lot-steps"

export type CreateLotWorkflowInput = CreateLotInput & { steps: LotStepInput[] }

/** A new lot, its first timeline steps and its link to the product; any failure removes what was written. */
export const createLotWorkflow = createWorkflow("create-lot", (input: CreateLotWorkflowInput) => {
  const lot = createLotStep(
    transform({ input }, ({ input }) => {
      const { steps: _steps, ...fields } = input
      return fields
    })
  )
  createLotStepsStep(transform({ input, lot }, ({ input, lot }) => ({ lot_id: lot.id, steps: input.steps })))
  createRemoteLinkStep(
    transform({ input, lot }, ({ input, lot }) => [
      { [Modules.PRODUCT]: { product_id: input.product_id }, [TRACEABILITY_MODULE]: { lot_id: lot.id } },
    ])
  )
  return new WorkflowResponse(lot)
})
