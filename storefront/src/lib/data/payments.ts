import "server-only"
import { sdk } from "../medusa"

/**
 * The shop's payment choices and Medusa's providers behind them. Cash on delivery is Medusa's system provider
 * (the courier collects); VietQR is the backend's bank-transfer provider and VNPay its hosted payment page, each
 * present only when configured.
 */
export const PAYMENT_PROVIDERS = { cod: "pp_system_default", vietqr: "pp_vietqr_vietqr", vnpay: "pp_vnpay_vnpay" } as const
export type PaymentChoice = keyof typeof PAYMENT_PROVIDERS

/** The choices the region offers, cash on delivery first (the default). */
export async function listPaymentChoices(regionId: string): Promise<PaymentChoice[]> {
  const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: regionId })
  const offered = new Set(payment_providers.map((p) => p.id))
  return (Object.keys(PAYMENT_PROVIDERS) as PaymentChoice[]).filter((choice) => choice === "cod" || offered.has(PAYMENT_PROVIDERS[choice]))
}

/**
 * Asks the backend whether VNPay signed the query the buyer came back with, and which order it names. Only vnp_
 * parameters are passed on; anything unsigned names no order.
 */
export async function checkVnpayReturn(query: Record<string, string | string[] | undefined>): Promise<{ verified: boolean; order_id: string | null }> {
  const signed = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[0].startsWith("vnp_") && typeof entry[1] === "string"))
  if (!signed.vnp_SecureHash) return { verified: false, order_id: null }
  try {
    return await sdk.client.fetch<{ verified: boolean; order_id: string | null }>("/store/vnpay/return", { query: signed })
  } catch {
    return { verified: false, order_id: null }
  }
}
