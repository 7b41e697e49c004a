import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import VietQrProviderService from "./service"

// Registered by medusa-config.ts only when OCOP_VIETQR_* are set; its id in Medusa is `pp_vietqr_vietqr`.
export default ModuleProvider(Modules.PAYMENT, { services: [VietQrProviderService] })
