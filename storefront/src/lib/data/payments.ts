import "server-only"
import { bankTransfer, vnpayReturn, type BankTransfer, type VnpayReturn } from "@ocop/contracts"
import { sdk } from "../medusa"
import { env } from "../env"

/**
 * The shop's payment choices and Medusa's providers behind them. Cash on delivery is Medusa's system provider
 * (the courier collects); VietQR is the backend's bank-transfer provider and VNPay its hosted payment page, each
 * present only when configured; the card is Medusa's Stripe provider, offered only when the backend has it and the
 * shop has Stripe's publishable key.
 */
export const PAYMENT_PROVIDERS = { cod: "pp_system_default", vietqr: "pp_vietqr_vietqr", vnpay: "pp_vnpay_vnpay", card: "pp_stripe_stripe" } as const
export type PaymentChoice = keyof typeof PAYMENT_PROVIDERS

/** The choices the region offers, cash on delivery first (the default). */
export async function listPaymentChoices(regionId: string): Promise<PaymentChoice[]> {
  const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: regionId })
  const offered = new Set(payment_providers.map((p) => p.id))
  return (Object.keys(PAYMENT_PROVIDERS) as PaymentChoice[]).filter(
    (choice) => choice === "cod" || (offered.has(PAYMENT_PROVIDERS[choice]) && (choice !== "card" || !!env.NEXT_PUBLIC_STRIPE_KEY))
  )
}

/** What the card step needs: Stripe's publishable key and the client secret of the cart's Stripe payment intent. */
export async function retrieveCardPayment(cartId: string, headers: Record<string, string>) {
  const key = env.NEXT_PUBLIC_STRIPE_KEY
  if (!key) return undefined
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "id,total,completed_at,*payment_collection.payment_sessions" }, headers)
  const session = cart.payment_collection?.payment_sessions?.find((s) => s.provider_id === PAYMENT_PROVIDERS.card)
  const clientSecret = session?.data?.client_secret
  if (typeof clientSecret !== "string") return undefined
  return { publishableKey: key, clientSecret, total: Number(cart.total) }
}

/** The bank transfer a VietQR payment session holds, or null when the session does not hold a whole one. */
export function readBankTransfer(sessionData: unknown): BankTransfer | null {
  const parsed = bankTransfer.safeParse(sessionData)
  return parsed.success ? parsed.data : null
}

/**
 * Asks the backend whether VNPay signed the query the buyer came back with, and which order it names. Only vnp_
 * parameters are passed on; anything unsigned names no order.
 */
export async function checkVnpayReturn(query: Record<string, string | string[] | undefined>): Promise<VnpayReturn> {
  const signed = Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[0].startsWith("vnp_") && typeof entry[1] === "string")
  )
  if (!signed.vnp_SecureHash) return { verified: false, order_id: null }
  try {
    return vnpayReturn.parse(await sdk.client.fetch("/store/vnpay/return", { query: signed }))
  } catch {
    return { verified: false, order_id: null }
  }
}
