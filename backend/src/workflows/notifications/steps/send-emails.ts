import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { EmailContent } from "../order-emails"

export const sendEmailsStepId = "send-emails"

export type Email = {
  to: string
  template: string
  content: EmailContent
  resource_id: string
  resource_type: string
  /** One per message and recipient: the Notification Module skips a key it already sent or is sending. */
  idempotency_key: string
  data?: Record<string, unknown>
}

/**
 * Sends each e-mail through the Notification Module on the `email` channel. A message already sent under its key is
 * skipped, so a redelivered event or a retry mails nobody twice. A refused message does not stop the others; the
 * step then fails and the workflow engine runs it again (5 more times, 10 s apart), which sends only the refused ones.
 */
export const sendEmailsStep = createStep({ name: sendEmailsStepId, maxRetries: 5, retryInterval: 10 }, async (emails: Email[], { container }) => {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const failures: string[] = []
  let sent = 0
  for (const email of emails) {
    try {
      // Each attempt has its own key (`…#0`, `…#1`): a message that went out (or is going out) under any of them is
      // not sent again; one that only failed is sent under the next key (the module would re-send a failed key
      // itself, but then updates a notification row it never created).
      const earlier = await notifications.listNotifications({ idempotency_key: { $like: `${email.idempotency_key}#%` } } as any, {
        select: ["id", "status"],
      })
      if (earlier.some((n: { status: string }) => n.status !== "failure")) continue
      await notifications.createNotifications({
        to: email.to,
        channel: "email",
        template: email.template,
        content: email.content,
        // The module keeps `data`, not `content`: the subject is kept so what was said can be read back.
        data: { subject: email.content.subject, ...email.data },
        resource_id: email.resource_id,
        resource_type: email.resource_type,
        idempotency_key: `${email.idempotency_key}#${earlier.length}`,
      })
      sent++
    } catch (e) {
      failures.push(`${email.template} → ${email.to}: ${(e as Error).message}`)
    }
  }
  if (failures.length) {
    logger.warn(`E-mails refused (will retry): ${failures.join("; ")}`)
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `E-mails not sent: ${failures.join("; ")}`)
  }
  return new StepResponse({ sent })
})
