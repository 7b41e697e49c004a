import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ProducerShippingProviderService from "./service"

// Registered in medusa-config.ts beside Medusa's manual provider; its id in Medusa is `producer-shipping_ocop`.
export default ModuleProvider(Modules.FULFILLMENT, { services: [ProducerShippingProviderService] })
