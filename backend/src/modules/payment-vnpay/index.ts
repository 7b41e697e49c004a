import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import VnpayProviderService from "./service"

// Registered by medusa-config.ts only when OCOP_VNPAY_* are set; its id in Medusa is `pp_vnpay_vnpay`.
export default ModuleProvider(Modules.PAYMENT, { services: [VnpayProviderService] })
