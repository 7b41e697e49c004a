import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"
import type { DueReminder } from "./find-due-reminders"

export const REMINDER_TEMPLATE = "ocop-certificate-expiry"

/** Every value from the data is escaped: a product title is typed by a producer. */
function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

/** The e-mail's HTML part: the same words as the text, Vietnamese first, English second. */
export function reminderHtml(r: DueReminder): string {
  const [y, m, d] = r.valid_until.split("-")
  const title = escapeHtml(r.product_title)
  const decisionVi = r.decision_number ? ` (quyết định ${escapeHtml(r.decision_number)})` : ""
  const decisionEn = r.decision_number ? ` (decision ${escapeHtml(r.decision_number)})` : ""
  return (
    `<!doctype html><html lang="vi"><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>Giấy chứng nhận OCOP ${escapeHtml(r.stars)} sao của sản phẩm <strong>${title}</strong>${decisionVi} ` +
    `hết hiệu lực ngày <strong>${escapeHtml(`${d}/${m}/${y}`)}</strong> (còn ${escapeHtml(r.threshold_days)} ngày). ` +
    `Xin liên hệ cơ quan OCOP của tỉnh để được đánh giá lại.</p>` +
    `<hr><p lang="en">The ${escapeHtml(r.stars)}-star OCOP certificate of <strong>${title}</strong>${decisionEn} ` +
    `expires on <strong>${escapeHtml(r.valid_until)}</strong> (in ${escapeHtml(r.threshold_days)} days). ` +
    `Please contact your provincial OCOP office to be re-rated.</p></body></html>`
  )
}

/** The e-mail's text: Vietnamese first, English second. */
export function reminderText(r: DueReminder) {
  const [y, m, d] = r.valid_until.split("-")
  const date = `${d}/${m}/${y}`
  return {
    subject: `Giấy chứng nhận OCOP của "${r.product_title}" hết hiệu lực sau ${r.threshold_days} ngày / OCOP certificate expires in ${r.threshold_days} days`,
    text:
      `Giấy chứng nhận OCOP ${r.stars} sao của sản phẩm "${r.product_title}"` +
      `${r.decision_number ? ` (quyết định ${r.decision_number})` : ""} hết hiệu lực ngày ${date}. ` +
      `Xin liên hệ cơ quan OCOP của tỉnh để được đánh giá lại.\n\n` +
      `The ${r.stars}-star OCOP certificate of "${r.product_title}"` +
      `${r.decision_number ? ` (decision ${r.decision_number})` : ""} expires on ${r.valid_until}. ` +
      `Please contact your provincial OCOP office to be re-rated.`,
  }
}

/** Sends one e-mail per recipient through the Notification Module and keeps the notification ids on the reminder. */
export const sendReminderNotificationsStep = createStep(
  "send-reminder-notifications",
  async (claimed: (DueReminder & { reminder_id: string })[], { container }) => {
    if (!claimed.length) return new StepResponse([])
    const notifications = container.resolve(Modules.NOTIFICATION)
    const curators: CuratorModuleService = container.resolve(CURATOR_MODULE)
    const sent: { reminder_id: string; notification_ids: string[] }[] = []
    for (const reminder of claimed) {
      const created = await notifications.createNotifications(
        reminder.recipients.map((to) => ({
          to,
          channel: "email",
          template: REMINDER_TEMPLATE,
          content: { ...reminderText(reminder), html: reminderHtml(reminder) },
          // The module keeps `data` (not `content`): the text is stored there too, so what was said can be read back.
          data: {
            certification_id: reminder.certification_id,
            threshold_days: reminder.threshold_days,
            valid_until: reminder.valid_until,
            ...reminderText(reminder),
          },
          resource_id: reminder.certification_id,
          resource_type: "certification",
          // The Notification Module drops a second notification with the same key: a last guard against doubles.
          idempotency_key: `${reminder.reminder_id}:${to}`,
        }))
      )
      const ids = (Array.isArray(created) ? created : [created]).map((n: { id: string }) => n.id)
      await curators.updateCertificateReminders({ id: reminder.reminder_id, notification_ids: ids })
      sent.push({ reminder_id: reminder.reminder_id, notification_ids: ids })
    }
    return new StepResponse(sent)
  }
)
