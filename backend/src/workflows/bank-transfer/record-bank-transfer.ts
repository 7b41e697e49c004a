import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createBankTransactionStep } from "./steps/create-bank-transaction"
import { markSessionConfirmedStep } from "./steps/mark-session-confirmed"
import { matchBankTransferStep, type BankTransferInput } from "./steps/match-bank-transfer"

export const recordBankTransferWorkflowId = "record-bank-transfer"

/**
 * A bank transaction (webhook) or the operator's confirmation: recorded once, and when it pays an open VietQR
 * order exactly, the order's payment is created and captured through Medusa's own payment workflow (the same one
 * Medusa's payment webhooks run), so the order reads "captured" like any other paid order.
 */
export const recordBankTransferWorkflow = createWorkflow(recordBankTransferWorkflowId, (input: BankTransferInput) => {
  const match = matchBankTransferStep(input)
  const transaction = createBankTransactionStep({ input, match })

  when("capture-matched-transfer", { match }, ({ match }) => match.outcome === "matched" && !match.duplicate_of).then(() => {
    const confirm = transform({ match, transaction }, ({ match, transaction }) => ({
      payment_session_id: match.payment_session_id as string,
      transaction_id: transaction.id as string,
    }))
    markSessionConfirmedStep(confirm)
    const capture = transform({ match, input }, ({ match, input }) => ({
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: match.payment_session_id as string, amount: input.amount },
    }))
    processPaymentWorkflow.runAsStep({ input: capture })
  })

  return new WorkflowResponse(
    transform({ match, transaction }, ({ match, transaction }) => ({
      transaction,
      outcome: match.outcome,
      duplicate: !!match.duplicate_of,
      order_id: match.order_id,
    }))
  )
})
