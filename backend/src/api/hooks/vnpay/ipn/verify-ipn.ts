import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import vnpay, { type IpnResponse } from "../../../../modules/payment-vnpay/library"
import { readConfig } from "../../../../lib/config"
import { vnpayClient } from "../../../../modules/payment-vnpay/gateway"
import type { VnpayIpnInput } from "../../../../workflows/vnpay/steps/match-vnpay-ipn"

const code = (name: string) => z.string({ error: `${name}: thiếu / missing` }).regex(/^\d{2}$/, `${name}: 2 chữ số / two digits`)

/** The fields of VNPay's IPN query the shop reads (VNPay sends more; all of them are covered by the checksum). */
export const VnpayIpnQuery = z.object({
  vnp_TmnCode: z.string({ error: "vnp_TmnCode: thiếu / missing" }),
  vnp_TxnRef: z.string({ error: "vnp_TxnRef: thiếu / missing" }).regex(/^[0-9A-Za-z]{1,100}$/, "vnp_TxnRef: chữ và số / letters and digits"),
  vnp_ResponseCode: code("vnp_ResponseCode"),
  vnp_TransactionStatus: code("vnp_TransactionStatus").optional(),
  vnp_TransactionNo: z.string().max(30).optional(),
  vnp_BankCode: z.string().max(30).optional(),
  vnp_PayDate: z.string().max(14).optional(),
})

export type VerifiedVnpayIpn = VnpayIpnInput
export type VnpayIpnRequest = MedusaRequest & { vnpayIpn?: VerifiedVnpayIpn }

/** VNPay reads only `{RspCode, Message}` in a 200 answer; anything else makes it retry. */
export function answerVnpay(res: MedusaResponse, answer: IpnResponse) {
  res.status(200).json(answer)
}

/**
 * Checks VNPay's HMAC-SHA512 over the sorted, URL-encoded query with the library (the same algorithm the payment
 * address was signed with) before anything is read: a bad or missing checksum is answered RspCode 97 and changes
 * nothing. A correctly signed query for another merchant code, or one missing a field, is answered 99.
 */
export function verifyVnpayIpn(req: VnpayIpnRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const settings = readConfig().vnpay
  if (!settings) {
    res.status(404).json({ message: "VNPay chưa được cấu hình / VNPay is not configured" })
    return
  }
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const query = Object.fromEntries(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
  let verified: ReturnType<ReturnType<typeof vnpayClient>["verifyIpnCall"]> | undefined
  try {
    verified = vnpayClient(settings).verifyIpnCall(query as never)
  } catch {
    // The library refuses a non-numeric vnp_Amount before hashing: nobody signed that query.
    verified = undefined
  }
  if (!verified?.isVerified) {
    logger.warn(`VNPay IPN refused: checksum mismatch (vnp_TxnRef ${String(query.vnp_TxnRef ?? "?")})`)
    return answerVnpay(res, vnpay.IpnFailChecksum)
  }
  const parsed = VnpayIpnQuery.safeParse(query)
  if (!parsed.success || parsed.data.vnp_TmnCode !== settings.tmnCode) {
    const problem = parsed.success ? "vnp_TmnCode: không phải mã của cửa hàng / not this shop's terminal" : parsed.error.issues[0].message
    logger.warn(`VNPay IPN refused: ${problem}`)
    return answerVnpay(res, { RspCode: "99", Message: problem })
  }
  req.vnpayIpn = {
    txn_ref: parsed.data.vnp_TxnRef,
    amount: Number(verified.vnp_Amount),
    response_code: parsed.data.vnp_ResponseCode,
    transaction_status: parsed.data.vnp_TransactionStatus ?? null,
    transaction_no: parsed.data.vnp_TransactionNo ?? null,
    bank_code: parsed.data.vnp_BankCode ?? null,
    pay_date: parsed.data.vnp_PayDate ?? null,
  }
  next()
}
