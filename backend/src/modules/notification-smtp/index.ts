import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SmtpNotificationProviderService from "./service"

// Registered by medusa-config.ts on the `email` channel when OCOP_EMAIL_PROVIDER=smtp (OCOP_SMTP_URL, OCOP_EMAIL_FROM).
export default ModuleProvider(Modules.NOTIFICATION, { services: [SmtpNotificationProviderService] })
