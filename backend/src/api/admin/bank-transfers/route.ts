import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { AdminListBankTransfers } from "./validators"

/** GET /admin/bank-transfers?outcome=amount_mismatch — the bank transactions, newest first; held ones by outcome. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListBankTransfers>, res: MedusaResponse) => {
  const { outcome, limit, offset } = req.validatedQuery as AdminListBankTransfers
  const transfers: BankTransferModuleService = req.scope.resolve(BANK_TRANSFER_MODULE)
  const [rows, count] = await transfers.listAndCountBankTransactions(outcome ? { outcome } : {}, {
    order: { created_at: "DESC" },
    take: limit,
    skip: offset,
  })
  res.json({ bank_transfers: rows, count, limit, offset })
}
