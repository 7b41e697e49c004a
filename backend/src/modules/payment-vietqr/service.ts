import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
} from "@medusajs/framework/types"
import type { BankTransfer } from "@ocop/contracts"
import { DeferredPaymentProvider, sessionIdOf } from "../../lib/deferred-payment-provider"
import { bankNameOf, buildVietQr, referenceOfSession, type VietQrAccount } from "./reference"

/** What the session keeps: everything the order page shows, and whether the bank (or the operator) confirmed it. */
export type VietQrSessionData = VietQrAccount &
  BankTransfer & {
    /** Set by the confirm-bank-transfer workflow once an exact transfer landed; nothing else authorizes. */
    confirmed_by?: string
  }

/**
 * Bank transfer to the shop's account through a VietQR code. Nothing is charged by this provider: the buyer's
 * bank moves the money, the bank-transaction webhook (api/hooks/bank-transfers) confirms it, and the order is
 * created in between with its payment pending (Medusa's `pending_authorization`). Bank webhooks are signed in the
 * bank service's own format, not Medusa's generic payment hook's.
 */
export default class VietQrProviderService extends DeferredPaymentProvider<VietQrAccount> {
  static identifier = "vietqr"

  // The money is already on the shop's account when the payment is authorized: capture has nothing to call.
  protected isPaid(data: Record<string, unknown> | undefined) {
    return !!(data as VietQrSessionData | undefined)?.confirmed_by
  }

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
    const reference = referenceOfSession(sessionIdOf(input, "vietqr"))
    return { id: reference, data: this.sessionData(input.amount, reference), status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = input.data as VietQrSessionData
    // The cart changed before checkout: same reference, new amount, new QR.
    return { data: { ...data, ...this.sessionData(input.amount ?? data.amount, data.reference) } }
  }

  // A transfer cannot be pulled back: the refund is recorded and the operator pays it from the bank.
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: { ...input.data, refund_to_pay_by_hand: Number(input.amount) } }
  }
}
