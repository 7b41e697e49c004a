import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { VIETQR_PROVIDER_ID } from "../../../../../../modules/payment-vietqr/reference"
import { recordBankTransferWorkflow } from "../../../../../../workflows/bank-transfer/record-bank-transfer"
import { readOperator } from "../../../../recorded-by"
import type { AdminConfirmBankTransfer } from "../../../validators"

/**
 * POST /admin/bank-transfers/orders/:id/confirm — `{ note }`: the operator saw the transfer on the statement (a
 * note the bank mangled, a webhook that never came) and marks the order's VietQR payment as paid, for its amount.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminConfirmBankTransfer>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.amount",
    ],
    filters: { id: req.params.id },
  })
  const session = (orders[0]?.payment_collections ?? [])
    .flatMap((c: any) => c?.payment_sessions ?? [])
    .find((s: any) => s?.provider_id === VIETQR_PROVIDER_ID)
  if (!session) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `order: "${req.params.id}" không có thanh toán VietQR / has no VietQR payment`)
  }
  const { result } = await recordBankTransferWorkflow(req.scope).run({
    input: {
      external_id: `manual:${session.id}`,
      source: "manual",
      direction: "in",
      amount: Number(session.amount),
      note: req.validatedBody.note,
      payment_session_id: session.id,
      recorded_by: await readOperator(req),
    },
  })
  res.json({ bank_transfer: result.transaction, outcome: result.outcome })
}
