import { isIP } from "node:net"
import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
} from "@medusajs/framework/types"
import { DeferredPaymentProvider, sessionIdOf } from "../../lib/deferred-payment-provider"
import { buildPaymentUrl, txnRefOfSession, type VnpayOptions } from "./gateway"

/** What VNPay's IPN confirmed, written into the session by the apply-vnpay-ipn workflow (nothing else writes it). */
export type VnpayIpnRecord = {
  response_code: string
  transaction_status: string
  transaction_no: string | null
  bank_code: string | null
  pay_date: string | null
  received_at: string
}

/** What the session keeps: the signed address the shop redirects to, and VNPay's answer once the IPN came. */
export type VnpaySessionData = {
  txn_ref: string
  amount: number
  payment_url: string
  ip_address: string
  locale: "vn" | "en"
  ipn?: VnpayIpnRecord
  // A successful IPN that came after the order was cancelled (expired, or failed before): money VNPay took that the
  // operator must refund in VNPay's portal. Never authorizes the session.
  held_ipn?: VnpayIpnRecord
}

/**
 * VNPay's hosted payment page. The order is placed with its payment pending (Medusa's `pending_authorization`)
 * while the buyer pays on VNPay; only the signed IPN (api/hooks/vnpay/ipn) marks it paid, never the buyer's return.
 * VNPay calls its IPN with a GET query signed in its own format, not Medusa's POST hook.
 */
export default class VnpayProviderService extends DeferredPaymentProvider<VnpayOptions> {
  static identifier = "vnpay"

  // VNPay's "pay" command charges at once: once the IPN says paid, the money is taken and capture calls nothing.
  protected isPaid(data: Record<string, unknown> | undefined) {
    const ipn = (data as VnpaySessionData | undefined)?.ipn
    return ipn?.response_code === "00" && ipn.transaction_status === "00"
  }

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["tmnCode", "hashSecret", "host", "returnUrl"]) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `vnpay: option ${key} is required`)
      }
    }
  }

  private sessionData(txnRef: string, amount: unknown, extra: { ip_address?: unknown; locale?: unknown }): VnpaySessionData {
    const vnd = Number(amount)
    if (!Number.isInteger(vnd) || vnd <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount: ${String(amount)} không phải số nguyên đồng / is not a whole number of đồng`)
    }
    // VNPay wants the buyer's address (its fraud checks); the shop passes it, a direct API caller may not.
    const ip_address = typeof extra.ip_address === "string" && isIP(extra.ip_address) ? extra.ip_address : "127.0.0.1"
    const locale = extra.locale === "en" ? "en" : "vn"
    const payment_url = buildPaymentUrl(this.config, { txnRef, amount: vnd, ipAddress: ip_address, locale })
    return { txn_ref: txnRef, amount: vnd, payment_url, ip_address, locale }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    if (input.currency_code.toLowerCase() !== "vnd") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code: VNPay chỉ nhận VND / VNPay takes VND only, not ${input.currency_code}`)
    }
    const txnRef = txnRefOfSession(sessionIdOf(input, "vnpay"))
    const extra = (input.data ?? {}) as { ip_address?: unknown; locale?: unknown }
    return { id: txnRef, data: this.sessionData(txnRef, input.amount, extra), status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = input.data as VnpaySessionData
    // The cart changed before checkout: same reference, new amount, newly signed address.
    return { data: { ...data, ...this.sessionData(data.txn_ref, input.amount ?? data.amount, data) } }
  }

  // VNPay's refund API (merchant_webapi) is not connected: the refund is recorded for the operator to make in
  // VNPay's merchant portal.
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: { ...input.data, refund_to_make_in_vnpay_portal: Number(input.amount) } }
  }
}
