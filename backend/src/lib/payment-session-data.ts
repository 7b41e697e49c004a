import type { MedusaContainer, PaymentSessionDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** A session as it was before a step changed its data: what the step's compensation puts back. */
export type SessionBefore = { session: PaymentSessionDTO; before: Record<string, unknown> }

/**
 * Merges `patch` into a payment session's data (keeping its amount and currency), as a gateway's confirmation does
 * for the deferred providers (lib/deferred-payment-provider.ts): they authorize only on what is written here.
 */
export async function patchSessionData(container: MedusaContainer, paymentSessionId: string, patch: Record<string, unknown>): Promise<SessionBefore> {
  const payments = container.resolve(Modules.PAYMENT)
  const session = await payments.retrievePaymentSession(paymentSessionId)
  const before = session.data as Record<string, unknown>
  await payments.updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: { ...before, ...patch },
  })
  return { session, before }
}

/** Compensation of patchSessionData: the session's data and status as they were. */
export async function restoreSessionData(container: MedusaContainer, previous: SessionBefore | undefined) {
  if (!previous) return
  const { session, before } = previous
  await container.resolve(Modules.PAYMENT).updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: before,
    status: session.status,
  })
}
