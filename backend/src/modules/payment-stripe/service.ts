import type { ModuleProviderExports } from "@medusajs/framework/types"
import stripeProviders from "@medusajs/payment-stripe"
import Stripe from "stripe"

export type StripeOptions = {
  apiKey: string
  webhookSecret: string
  /** Money is taken when the buyer confirms the card (Stripe's automatic capture); a cancelled part is refunded. */
  capture?: boolean
  automaticPaymentMethods?: boolean
  /** Where the Stripe client sends requests, e.g. a test's local fake; unset means https://api.stripe.com. */
  apiBase?: string
}

type ProviderClass = new (cradle: Record<string, unknown>, options: StripeOptions) => { stripe_: Stripe }

// The package exports only its module definition; the card service is the one whose identifier is "stripe"
// (its classes are not exported by name, and nothing may be imported from its /dist files).
const MedusaStripeProvider = (stripeProviders as ModuleProviderExports).services.find(
  (service) => (service as unknown as { identifier?: string }).identifier === "stripe"
) as unknown as ProviderClass | undefined
if (!MedusaStripeProvider) throw new Error("@medusajs/payment-stripe: no service with identifier `stripe`")

/**
 * Medusa's own Stripe provider, unchanged but for one thing: its Stripe client is built with `apiBase` when one is
 * configured. The package builds `new Stripe(apiKey)` against Stripe's fixed host, which tests cannot reach; every
 * request, amount conversion (VND is zero-decimal there) and webhook check stays the package's.
 */
export default class OcopStripeProviderService extends MedusaStripeProvider {
  constructor(cradle: Record<string, unknown>, options: StripeOptions) {
    super(cradle, options)
    if (options.apiBase) {
      const base = new URL(options.apiBase)
      this.stripe_ = new Stripe(options.apiKey, {
        protocol: base.protocol === "http:" ? "http" : "https",
        host: base.hostname,
        port: base.port || (base.protocol === "http:" ? 80 : 443),
      })
    }
  }
}
