import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import OcopStripeProviderService from "./service"

// Registered by medusa-config.ts only when STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET are set; its id in Medusa is
// `pp_stripe_stripe`, its webhook `POST /hooks/payment/stripe_stripe`.
export default ModuleProvider(Modules.PAYMENT, { services: [OcopStripeProviderService] })
