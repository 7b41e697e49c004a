import { isIP } from "node:net"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
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
}

const paid = (data: VnpaySessionData | undefined) => data?.ipn?.response_code === "00" && data.ipn.transaction_status === "00"

/**
 * VNPay's hosted payment page. The order is placed with its payment pending (Medusa's `pending_authorization`)
 * while the buyer pays on VNPay; only the signed IPN (api/hooks/vnpay/ipn) marks it paid, never the buyer's return.
 */
export default class VnpayProviderService extends AbstractPaymentProvider<VnpayOptions> {
  static identifier = "vnpay"

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
    // Medusa passes the new session's id as the idempotency key; VNPay's reference is derived from it.
    const sessionId = input.context?.idempotency_key
    if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "vnpay: the payment session has no id")
    const txnRef = txnRefOfSession(sessionId)
    const extra = (input.data ?? {}) as { ip_address?: unknown; locale?: unknown }
    return { id: txnRef, data: this.sessionData(txnRef, input.amount, extra), status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = input.data as VnpaySessionData
    // The cart changed before checkout: same reference, new amount, newly signed address.
    return { data: { ...data, ...this.sessionData(data.txn_ref, input.amount ?? data.amount, data) } }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    // At checkout the buyer has not paid yet: the order is placed, its payment waits for VNPay's IPN.
    const data = input.data as VnpaySessionData
    return { data: input.data, status: paid(data) ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = input.data as VnpaySessionData
    return { status: paid(data) ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION, data: input.data }
  }

  // VNPay's "pay" command charges at once: once the IPN says paid, the money is taken and capture calls nothing.
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: input.data }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  // VNPay's refund API (merchant_webapi) is not connected: the refund is recorded for the operator to make in
  // VNPay's merchant portal.
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: { ...input.data, refund_to_make_in_vnpay_portal: Number(input.amount) } }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  // VNPay calls its IPN with a GET query signed in its own format, on /hooks/vnpay/ipn, not Medusa's POST hook.
  async getWebhookActionAndData(_: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
