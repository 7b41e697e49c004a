import { createHmac } from "node:crypto"
import { BACKEND_URL } from "./stack"

// The payment services' requests to the backend, written here from each protocol rather than imported from the
// backend, so that a change on one side shows up.

/** The bank-transaction service's request: JSON signed with HMAC-SHA256 over `<timestamp>.<body>`. */
export async function postBankWebhook(secret: string, transaction: Record<string, unknown>) {
  const body = JSON.stringify(transaction)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")
  return fetch(`${BACKEND_URL}/hooks/bank-transfers`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-ocop-timestamp": timestamp, "x-ocop-signature": signature },
    body,
  })
}

/** Stripe's webhook request: `Stripe-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "t.body">` (Stripe's documented scheme). */
export async function postStripeEvent(secret: string, type: string, intent: Record<string, unknown>) {
  const body = JSON.stringify({
    id: `evt_e2e_${Date.now()}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: intent },
  })
  const t = Math.floor(Date.now() / 1000)
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")
  return fetch(`${BACKEND_URL}/hooks/payment/stripe_stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": `t=${t},v1=${v1}` },
    body,
  })
}

/**
 * What Stripe.js and Stripe do for the buyer's card, from the server side (Stripe.js cannot load here): confirm the
 * cart's payment intent on the Stripe fake. Answers the succeeded intent, for the webhook.
 */
export async function confirmCartIntentOnStripeFake(cartId: string, publishableKey: string, stripe: { apiBase: string; apiKey: string }) {
  const cartResponse = await fetch(`${BACKEND_URL}/store/carts/${cartId}?fields=total,*payment_collection.payment_sessions`, {
    headers: { "x-publishable-api-key": publishableKey },
  })
  const { cart } = await cartResponse.json()
  const session = cart.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === "pp_stripe_stripe")
  const confirmed = await fetch(`${stripe.apiBase}/v1/payment_intents/${session.data.id}/confirm`, {
    method: "POST",
    headers: { authorization: `Bearer ${stripe.apiKey}`, "content-type": "application/x-www-form-urlencoded" },
  })
  if (confirmed.status !== 200) throw new Error(`Stripe fake refused to confirm ${session.data.id}: ${confirmed.status}`)
  return { sessionAmount: session.data.amount as number, intent: (await confirmed.json()) as Record<string, unknown> }
}
