import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import nodemailer, { type Transporter } from "nodemailer"

export type SmtpOptions = {
  /** smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start), credentials in the URL. */
  url: string
  /** The sender: an address or `Name <address>`. */
  from: string
}

/**
 * Sends the Notification Module's e-mails through an SMTP server with nodemailer. What is said comes from the
 * notification's `content` (subject, text, html), written by whoever creates the notification; this provider only
 * delivers it, so every kind of e-mail is rendered in one place beside the workflow that sends it.
 */
export default class SmtpNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-smtp"

  static validateOptions(options: Record<string, unknown>) {
    for (const [key, variable] of [
      ["url", "OCOP_SMTP_URL"],
      ["from", "OCOP_EMAIL_FROM"],
    ] as const) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `notification-smtp: option ${key} (${variable}) is required`)
      }
    }
  }

  private readonly transport: Transporter
  private readonly from: string
  private readonly logger: Logger

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super()
    this.from = options.from
    this.logger = logger
    // nodemailer's defaults wait 2 minutes for a connection and 10 for a reply: a dead server would hold the
    // daily reminder run that long. These still leave a slow relay time to answer.
    this.transport = nodemailer.createTransport({ url: options.url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
  }

  async send(notification: NotificationTypes.ProviderSendNotificationDTO): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const { subject, text, html } = notification.content ?? {}
    // An e-mail without a subject or a body is a bug in the caller, not something to deliver empty.
    if (!subject || !(text || html)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `content: an e-mail (template ${notification.template}) needs content.subject and content.text or content.html`
      )
    }
    const info = await this.transport.sendMail({
      from: notification.from || this.from,
      to: notification.to,
      subject,
      text,
      html,
      attachments: notification.attachments?.map((a) => ({
        filename: a.filename,
        content: a.content,
        encoding: "base64",
        contentType: a.content_type,
        contentDisposition: a.disposition === "inline" ? ("inline" as const) : ("attachment" as const),
        cid: a.id,
      })),
    })
    this.logger.info(`E-mail ${notification.template} sent to ${notification.to} (${info.messageId})`)
    return { id: info.messageId }
  }
}
