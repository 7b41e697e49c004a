import vnpay from "./library"

const { dateFormat, getDateInGMT7, HashAlgorithm, ignoreLogger, ProductCode, VNPay, VnpLocale } = vnpay

/** How long the signed address stays payable (VNPay's own page timeout is 15 minutes). */
export const PAYMENT_URL_MINUTES = 15

/** Medusa's id of the VNPay provider (`pp_<identifier>_<id>`). */
export const VNPAY_PROVIDER_ID = "pp_vnpay_vnpay"

const SESSION_PREFIX = "payses_"

export type VnpayOptions = { tmnCode: string; hashSecret: string; host: string; returnUrl: string }

/**
 * VNPay's order reference: the payment session's ULID without Medusa's prefix. Letters and digits only, as VNPay
 * wants, unique per session (a second attempt at the same cart gets a new session, hence a new reference), and it
 * leads straight back to the session when the IPN arrives.
 */
export function txnRefOfSession(sessionId: string) {
  return sessionId.startsWith(SESSION_PREFIX) ? sessionId.slice(SESSION_PREFIX.length) : sessionId
}

export function sessionIdOfTxnRef(txnRef: string) {
  return `${SESSION_PREFIX}${txnRef}`
}

/** The library's client; nothing is logged by it (the query carries the buyer's bank and card type). */
export function vnpayClient(options: VnpayOptions) {
  return new VNPay({
    tmnCode: options.tmnCode,
    secureSecret: options.hashSecret,
    vnpayHost: options.host,
    hashAlgorithm: HashAlgorithm.SHA512,
    enableLog: false,
    loggerFn: ignoreLogger,
  })
}

/**
 * The signed address the buyer is sent to. `amount` is whole đồng as everywhere in the shop; the library writes
 * vnp_Amount = amount × 100 (VNPay's unit), the only place ×100 happens. VNPay refuses diacritics in
 * vnp_OrderInfo, hence the plain ASCII text.
 */
export function buildPaymentUrl(options: VnpayOptions, input: { txnRef: string; amount: number; ipAddress: string; locale: "vn" | "en" }) {
  // VNPay reads both dates as Vietnam's time (GMT+7), whatever the server's zone.
  const now = new Date()
  return vnpayClient(options).buildPaymentUrl({
    vnp_CreateDate: dateFormat(getDateInGMT7(now)),
    vnp_ExpireDate: dateFormat(getDateInGMT7(new Date(now.getTime() + PAYMENT_URL_MINUTES * 60_000))),
    vnp_Amount: input.amount,
    vnp_TxnRef: input.txnRef,
    vnp_OrderInfo: `Thanh toan don hang OCOP ${input.txnRef}`,
    vnp_OrderType: ProductCode.Other,
    vnp_IpAddr: input.ipAddress,
    vnp_ReturnUrl: options.returnUrl,
    vnp_Locale: input.locale === "en" ? VnpLocale.EN : VnpLocale.VN,
  })
}
