import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordBankTransferWorkflow } from "../../../workflows/bank-transfer/record-bank-transfer"
import type { BankWebhookBody } from "./validators"

/**
 * POST /hooks/bank-transfers — the bank-transaction service reports money moving on the shop's account (signature
 * and timestamp checked in middleware). Always 200 once verified, also for transactions that are only held: the
 * service must not retry them; the operator lists them at GET /admin/bank-transfers.
 */
export const POST = async (req: MedusaRequest<BankWebhookBody>, res: MedusaResponse) => {
  const body = req.validatedBody
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await recordBankTransferWorkflow(req.scope).run({
    input: {
      external_id: `webhook:${body.id}`,
      source: "webhook",
      direction: body.transferType,
      amount: body.transferAmount,
      note: body.content,
      payload: body as Record<string, unknown>,
    },
  })
  if (result.outcome !== "matched" && !result.duplicate) {
    logger.warn(`Bank transaction ${body.id} held for the operator: ${result.outcome} (note "${body.content}")`)
  }
  res.json({ success: true, outcome: result.outcome, duplicate: result.duplicate })
}
