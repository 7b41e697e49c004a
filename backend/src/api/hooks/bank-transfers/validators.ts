import { z } from "@medusajs/framework/zod"

/**
 * One transaction as SePay posts it (Casso's fields map one to one): the service's id, the direction, the amount
 * in đồng and the note the buyer's bank passed on. Other fields (gateway, account, dates) are kept as received.
 */
export const BankWebhookBody = z
  .object({
    id: z.union([z.string().min(1), z.number().int()], { error: "id: mã giao dịch / the transaction's id" }),
    transferType: z.enum(["in", "out"], { error: "transferType: in | out" }),
    transferAmount: z.number({ error: "transferAmount: số đồng / amount in đồng" }).int("transferAmount: số nguyên đồng / whole đồng").nonnegative(),
    content: z
      .string({ error: "content: nội dung chuyển khoản / the transfer note" })
      .max(1000, "content: tối đa 1000 ký tự / at most 1000 characters"),
  })
  .passthrough()
export type BankWebhookBody = z.infer<typeof BankWebhookBody>
