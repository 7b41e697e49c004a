import "server-only"
import { sdk } from "../medusa"

/**
 * The shop's payment choices and Medusa's providers behind them. Cash on delivery is Medusa's system provider
 * (the courier collects); VietQR is the backend's bank-transfer provider, present only when configured.
 */
export const PAYMENT_PROVIDERS = { cod: "pp_system_default", vietqr: "pp_vietqr_vietqr" } as const
export type PaymentChoice = keyof typeof PAYMENT_PROVIDERS

/** The choices the region offers, cash on delivery first (the default). */
export async function listPaymentChoices(regionId: string): Promise<PaymentChoice[]> {
  const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: regionId })
  const offered = new Set(payment_providers.map((p) => p.id))
  return (Object.keys(PAYMENT_PROVIDERS) as PaymentChoice[]).filter((choice) => choice === "cod" || offered.has(PAYMENT_PROVIDERS[choice]))
}
