import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OcopEvents } from "@ocop/domain"
import { sendLotRecallEmailsWorkflow } from "../workflows/notifications/send-lot-recall-emails"

/** A lot was recalled: the buyers of the orders that shipped units of it are told why and to stop using it. */
export default async function lotRecalledEmails({ event, container }: SubscriberArgs<{ lot_id: string }>) {
  try {
    await sendLotRecallEmailsWorkflow(container).run({ input: { lot_id: event.data.lot_id } })
  } catch (e) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Recall e-mails for ${event.data.lot_id} not sent: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: OcopEvents.LOT_RECALLED }
