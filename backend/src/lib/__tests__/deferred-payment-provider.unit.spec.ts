import { PaymentSessionStatus } from "@medusajs/framework/utils"
import VietQrProviderService from "../../modules/payment-vietqr/service"
import VnpayProviderService from "../../modules/payment-vnpay/service"

// Medusa's module loader builds providers (their constructor is protected); here they are built the same way.
const build = <T>(Service: unknown, options: Record<string, string>) => new (Service as new (cradle: object, options: object) => T)({}, options)

// The two real providers on the shared base: a session is authorized only by its gateway's confirmation.
const vietqr = build<VietQrProviderService>(VietQrProviderService, {
  bankBin: "970436",
  accountNumber: "1023456789",
  accountName: "CONG TY CHO OCOP",
})
const vnpay = build<VnpayProviderService>(VnpayProviderService, {
  tmnCode: "OCOPTEST",
  hashSecret: "E".repeat(32),
  host: "https://sandbox.vnpayment.vn",
  returnUrl: "https://cho-ocop.vn/checkout/vnpay-return",
})
const SESSION_ID = "payses_01JDEFERREDPAYMENT0000ABCD"

describe("deferred payment providers", () => {
  it("place the order pending: a new session waits for authorization, and capture, cancel and delete keep the data", async () => {
    for (const [provider, extra] of [
      [vietqr, {}],
      [vnpay, { ip_address: "203.113.152.10" }],
    ] as const) {
      const { data, status } = await provider.initiatePayment({
        amount: 125000,
        currency_code: "vnd",
        data: extra,
        context: { idempotency_key: SESSION_ID },
      })
      expect(status).toBe(PaymentSessionStatus.PENDING)
      expect(data).toMatchObject({ amount: 125000 })
      expect(await provider.authorizePayment({ data })).toEqual({ data, status: PaymentSessionStatus.PENDING_AUTHORIZATION })
      expect(await provider.getPaymentStatus({ data })).toEqual({ data, status: PaymentSessionStatus.PENDING_AUTHORIZATION })
      for (const call of ["capturePayment", "cancelPayment", "deletePayment", "retrievePayment"] as const) {
        expect(await provider[call]({ data })).toEqual({ data })
      }
      expect(await provider.getWebhookActionAndData({ data: {}, rawData: "", headers: {} })).toEqual({ action: "not_supported" })
    }
  })

  it("authorize a VietQR session once a transaction confirmed it", async () => {
    const data = { reference: "OCOPABCD", amount: 125000, confirmed_by: "btx_01" }
    expect((await vietqr.authorizePayment({ data })).status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect((await vietqr.getPaymentStatus({ data })).status).toBe(PaymentSessionStatus.AUTHORIZED)
  })

  it("authorize a VNPay session only when its IPN says paid (response and transaction status 00)", async () => {
    const ipn = (response_code: string, transaction_status: string) => ({
      txn_ref: "ABC",
      amount: 125000,
      ipn: { response_code, transaction_status },
    })
    expect((await vnpay.authorizePayment({ data: ipn("00", "00") })).status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect((await vnpay.getPaymentStatus({ data: ipn("00", "00") })).status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect((await vnpay.authorizePayment({ data: ipn("24", "02") })).status).toBe(PaymentSessionStatus.PENDING_AUTHORIZATION)
    expect((await vnpay.authorizePayment({ data: ipn("00", "01") })).status).toBe(PaymentSessionStatus.PENDING_AUTHORIZATION)
  })

  it("refuse a session without an id, naming the provider", async () => {
    await expect(vietqr.initiatePayment({ amount: 1000, currency_code: "vnd", context: {} })).rejects.toThrow("vietqr: the payment session has no id")
    await expect(vnpay.initiatePayment({ amount: 1000, currency_code: "vnd", context: {} })).rejects.toThrow("vnpay: the payment session has no id")
  })
})
