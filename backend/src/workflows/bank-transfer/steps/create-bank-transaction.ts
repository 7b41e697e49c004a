import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { BankTransferInput, BankTransferMatch } from "./match-bank-transfer"

/**
 * Keeps the transaction with its outcome (held ones are the operator's list). A replay returns the row it already
 * has; two copies racing meet the unique `external_id` and the second one fails instead of applying twice.
 */
export const createBankTransactionStep = createStep(
  "create-bank-transaction",
  async ({ input, match }: { input: BankTransferInput; match: BankTransferMatch }, { container }) => {
    if (match.duplicate_of) return new StepResponse(match.duplicate_of, null)
    const transfers: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const created = await transfers.createBankTransactions({
      external_id: input.external_id,
      source: input.source,
      amount: input.amount,
      note: input.note,
      reference: match.reference,
      outcome: match.outcome,
      payment_session_id: match.payment_session_id,
      order_id: match.order_id,
      payload: input.payload ?? null,
      recorded_by: input.recorded_by ?? null,
    })
    return new StepResponse(created as unknown as Record<string, unknown>, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const transfers: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    await transfers.deleteBankTransactions(id)
  }
)
