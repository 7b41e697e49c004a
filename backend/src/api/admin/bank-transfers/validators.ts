import { z } from "@medusajs/framework/zod"
import { BANK_TRANSACTION_OUTCOMES } from "../../../modules/bank-transfer/models/bank-transaction"

export const AdminListBankTransfers = z.object({
  outcome: z.enum(BANK_TRANSACTION_OUTCOMES, { error: `outcome: ${BANK_TRANSACTION_OUTCOMES.join(" | ")}` }).optional(),
  limit: z.coerce.number().int().min(1, "limit: 1–200").max(200, "limit: 1–200").default(50),
  offset: z.coerce.number().int().min(0, "offset: ≥ 0").default(0),
})
export type AdminListBankTransfers = z.infer<typeof AdminListBankTransfers>

export const AdminConfirmBankTransfer = z.object({
  // What the operator saw on the bank statement; kept with the confirmation.
  note: z.string().trim().min(3, "note: ghi chú sao kê / what the statement shows").max(500, "note: tối đa 500 ký tự / at most 500 characters"),
})
export type AdminConfirmBankTransfer = z.infer<typeof AdminConfirmBankTransfer>
