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
import { bankNameOf, buildVietQr, referenceOfSession, type VietQrAccount } from "./reference"

/** What the session keeps: everything the order page shows, and whether the bank (or the operator) confirmed it. */
export type VietQrSessionData = VietQrAccount & {
  bankName: string
  reference: string
  amount: number
  qr: string
  /** Set by the confirm-bank-transfer workflow once an exact transfer landed; nothing else authorizes. */
  confirmed_by?: string
}

/**
 * Bank transfer to the shop's account through a VietQR code. Nothing is charged by this provider: the buyer's
 * bank moves the money, the bank-transaction webhook (api/hooks/bank-transfers) confirms it, and the order is
 * created in between with its payment pending (Medusa's `pending_authorization`).
 */
export default class VietQrProviderService extends AbstractPaymentProvider<VietQrAccount> {
  static identifier = "vietqr"

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["bankBin", "accountNumber", "accountName"]) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `vietqr: option ${key} is required`)
      }
    }
    // A BIN no bank has would give buyers a QR their banking app refuses.
    if (!bankNameOf(String(options.bankBin))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `OCOP_VIETQR_BANK_BIN: ${String(options.bankBin)} không phải mã NAPAS của ngân hàng nào / is no bank's NAPAS BIN`
      )
    }
  }

  private sessionData(amount: unknown, reference: string): VietQrSessionData {
    const vnd = Number(amount)
    if (!Number.isInteger(vnd) || vnd <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount: ${String(amount)} is not a whole number of đồng`)
    }
    const { bankBin, accountNumber, accountName } = this.config
    return {
      bankBin,
      bankName: bankNameOf(bankBin) ?? bankBin,
      accountNumber,
      accountName,
      reference,
      amount: vnd,
      qr: buildVietQr(this.config, vnd, reference),
    }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    if (input.currency_code.toLowerCase() !== "vnd") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code: VietQR takes VND only, not ${input.currency_code}`)
    }
    // Medusa passes the new session's id as the idempotency key; the reference is derived from it.
    const sessionId = input.context?.idempotency_key
    if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "vietqr: the payment session has no id")
    const reference = referenceOfSession(sessionId)
    return { id: reference, data: this.sessionData(input.amount, reference), status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = input.data as VietQrSessionData
    // The cart changed before checkout: same reference, new amount, new QR.
    return { data: { ...data, ...this.sessionData(input.amount ?? data.amount, data.reference) } }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = input.data as VietQrSessionData
    // At checkout the money has not moved yet: the order is placed, its payment waits for the bank.
    return { data: input.data, status: data.confirmed_by ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = input.data as VietQrSessionData
    return { status: data?.confirmed_by ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION, data: input.data }
  }

  // The money is already on the shop's account when the payment is authorized: capture has nothing to call.
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: input.data }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  // A transfer cannot be pulled back: the refund is recorded and the operator pays it from the bank.
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: { ...input.data, refund_to_pay_by_hand: Number(input.amount) } }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  // Bank webhooks are signed in the bank service's own format and arrive on /hooks/bank-transfers, not on
  // Medusa's generic payment hook.
  async getWebhookActionAndData(_: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
