import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDueRemindersStep } from "./steps/find-due-reminders"
import { recordRemindersStep } from "./steps/record-reminders"
import { sendReminderNotificationsStep } from "./steps/send-reminder-notifications"

/**
 * Tells producers 90, 60 and 30 days before a certificate expires: find the due certificates → take each reminder
 * in the table (one row per certificate and threshold, so a re-run or a second worker takes nothing) → send.
 */
export const sendExpiryRemindersWorkflow = createWorkflow("send-expiry-reminders", (input: { today: string }) => {
  const due = findDueRemindersStep(input)
  const claimed = recordRemindersStep(due)
  const sent = sendReminderNotificationsStep(claimed)
  return new WorkflowResponse(sent)
})
