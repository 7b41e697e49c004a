import { randomBytes } from "node:crypto"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loginAdmin } from "../../fixtures/demo-catalog"
import { completeCart, createCart, openDemoShop, prepareCheckout } from "../../fixtures/checkout"
import { signStripeEvent, StripeFake, stripeEvent } from "../../fixtures/stripe-fake"
import { waitFor } from "../../fixtures/wait-for"
import { parseConfig } from "../../../src/lib/config"
import { REQUIRED_SECRETS } from "../../fixtures/required-secrets"
import { findFreePort } from "../../fixtures/free-port"

// Migrating a fresh database takes minutes on a loaded machine.
jest.setTimeout(900_000)

// Before the app starts: medusa-config.ts registers the provider only when both are set, and points its client at
// the local fake (nothing here can reach api.stripe.com).
const API_KEY = `sk_test_${randomBytes(16).toString("hex")}`
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("hex")}`
const FAKE_PORT = findFreePort()
Object.assign(process.env, { STRIPE_API_KEY: API_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, OCOP_STRIPE_API_BASE: `http://127.0.0.1:${FAKE_PORT}` })

// Medusa's hook route queues the event and its subscriber handles it 5 s later (payment module's webhook_delay).
const WEBHOOK_DELAY_MS = 5_000

runMedusaSuite({
  dbName: `stripe_payments_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    const fake = new StripeFake(API_KEY)
    let container: MedusaContainer
    let headers: Record<string, string>
    let regionId: string
    let variantId: string
    let admin: Record<string, string>

    beforeAll(async () => {
      await fake.start(FAKE_PORT)
      container = getContainer()
      ;({ headers, regionId, variantId } = await openDemoShop(container))
    })

    afterAll(async () => {
      await fake.stop()
    })

    beforeEach(async () => {
      admin = await loginAdmin(api)
    })

    /** A buyer's cart up to the card step: the shop asks for a Stripe session and hands its client secret to Stripe.js. */
    async function startCardCheckout(quantity = 1) {
      const cartId = await createCart(api, headers, { regionId, email: "mai@example.com", lines: [[variantId, quantity]] })
      const collection = await prepareCheckout(api, headers, cartId, { providerId: "pp_stripe_stripe" })
      const session = collection.payment_sessions.find((s) => s.provider_id === "pp_stripe_stripe")
      if (!session) throw new Error(`cart ${cartId} got no Stripe payment session`)
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=id,total`, { headers })
      const intent = fake.intentOfSession(session.id)
      if (!intent) throw new Error(`the provider created no payment intent for session ${session.id}`)
      return { cartId, total: Number(cart.cart.total), session, intent }
    }

    const postEvent = (signed: { raw: string; headers: Record<string, string> }) =>
      api.post("/hooks/payment/stripe_stripe", signed.raw, { headers: signed.headers, validateStatus: () => true })

    async function orderOfCart(cartId: string): Promise<string | undefined> {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data[0]?.order_id
    }

    async function paymentOf(orderId: string) {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,total,payment_status,payment_collections.payments.id,payment_collections.payments.provider_id,payment_collections.payments.captures.amount,payment_collections.payments.refunds.amount`,
        { headers: admin }
      )
      const payments = data.order.payment_collections.flatMap((c: any) => c.payments)
      return {
        status: data.order.payment_status as string,
        total: Number(data.order.total),
        payments,
        captures: payments.flatMap((p: any) => p.captures).map((c: any) => Number(c.amount)),
        refunds: payments.flatMap((p: any) => p.refunds).map((r: any) => Number(r.amount)),
      }
    }

    /** Lets a queued webhook event be handled (and retried) before the test looks for what it must not have done. */
    const afterWebhookDelay = () => new Promise((resolve) => setTimeout(resolve, WEBHOOK_DELAY_MS + 3_000))

    it("offers the card at checkout and creates the intent on Stripe for the cart's total in đồng (VND is zero-decimal)", async () => {
      const { data: providers } = await api.get(`/store/payment-providers?region_id=${regionId}`, { headers })
      expect(providers.payment_providers.map((p: any) => p.id)).toEqual(expect.arrayContaining(["pp_system_default", "pp_stripe_stripe"]))

      const { total, session, intent } = await startCardCheckout(2)
      expect(total).toBeGreaterThan(10_000)
      const [created] = fake.requestsTo("POST", /^\/v1\/payment_intents$/).filter((r) => r.params.metadata?.session_id === session.id)
      // What reached "Stripe": the total as it is, never ×100.
      expect(created.params).toMatchObject({ amount: String(total), currency: "vnd", capture_method: "automatic" })
      expect(intent.amount).toBe(total)
      // The shop gives this to Stripe.js's Payment Element.
      expect(session.data.client_secret).toBe(intent.client_secret)
      expect(session.amount).toBe(total)
    })

    it("the buyer confirms on Stripe and leaves: the signed payment_intent.succeeded places the paid order, once", async () => {
      const { cartId, total, intent } = await startCardCheckout()
      const confirmed = fake.confirm(intent.id)
      const event = stripeEvent("payment_intent.succeeded", confirmed)

      const first = await postEvent(signStripeEvent(WEBHOOK_SECRET, event))
      expect(first.status).toBe(200)
      const orderId = await waitFor(() => orderOfCart(cartId), { timeoutMs: 60_000, what: "the order placed by the webhook" })
      const paid = (await waitFor(
        async () => {
          const payment = await paymentOf(orderId!)
          return payment.status === "captured" ? payment : undefined
        },
        { timeoutMs: 30_000, what: "the payment captured" }
      ))!
      expect(paid.total).toBe(total)
      expect(paid.captures).toEqual([total])
      expect(paid.payments.map((p: any) => p.provider_id)).toEqual(["pp_stripe_stripe"])

      // Stripe retries the same event, and a late `processing` arrives after `succeeded`: applied once.
      expect((await postEvent(signStripeEvent(WEBHOOK_SECRET, event))).status).toBe(200)
      const late = stripeEvent("payment_intent.processing", { ...confirmed, status: "processing", amount_received: 0 })
      late.created = event.created - 10
      expect((await postEvent(signStripeEvent(WEBHOOK_SECRET, late))).status).toBe(200)
      await afterWebhookDelay()
      const after = await paymentOf(orderId!)
      expect(after).toMatchObject({ status: "captured", captures: [total] })
      expect(after.payments).toHaveLength(1)
      // Captured by Stripe at confirmation: Medusa never asked the fake to capture or charge again.
      expect(fake.requestsTo("POST", new RegExp(`^/v1/payment_intents/${intent.id}/capture$`))).toEqual([])
    })

    it("a bad or replayed-with-changes signature changes nothing; the rejection is logged", async () => {
      const { cartId, total, intent } = await startCardCheckout()
      const confirmed = fake.confirm(intent.id)
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const errors = jest.spyOn(logger, "error")
      try {
        const event = stripeEvent("payment_intent.succeeded", confirmed)
        // Signed with another endpoint's secret.
        expect((await postEvent(signStripeEvent(`whsec_${randomBytes(24).toString("hex")}`, event))).status).toBe(200)
        // The right signature over a body someone changed afterwards (a smaller amount received).
        const genuine = signStripeEvent(WEBHOOK_SECRET, event)
        const altered = genuine.raw.replace(`"amount_received":${total}`, `"amount_received":${total - 1000}`)
        expect(altered).not.toBe(genuine.raw)
        expect((await postEvent({ raw: altered, headers: genuine.headers })).status).toBe(200)
        // A signature more than 5 minutes old (Stripe's tolerance): a captured request replayed later.
        const stale = signStripeEvent(WEBHOOK_SECRET, event, Math.floor(Date.now() / 1000) - 3600)
        expect((await postEvent(stale)).status).toBe(200)
        // No signature at all.
        expect((await postEvent({ raw: genuine.raw, headers: { "content-type": "application/json" } })).status).toBe(200)

        await waitFor(
          async () => errors.mock.calls.filter((call) => /constructWebhookEvent/.test(String((call[0] as any)?.message ?? call[0]))).length >= 4,
          { timeoutMs: 60_000, what: "four rejected events in the log" }
        )
        await afterWebhookDelay()
      } finally {
        errors.mockRestore()
      }
      expect(await orderOfCart(cartId)).toBeUndefined()
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=completed_at`, { headers })
      expect(cart.cart.completed_at).toBeNull()
    })

    it("an event for a payment this shop does not know is logged and changes nothing", async () => {
      const { cartId, intent } = await startCardCheckout()
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const errors = jest.spyOn(logger, "error")
      const stranger = { ...fake.confirm(intent.id), id: "pi_unknown", metadata: { session_id: "payses_01UNKNOWNSESSION000000000" } }
      try {
        expect((await postEvent(signStripeEvent(WEBHOOK_SECRET, stripeEvent("payment_intent.succeeded", stranger)))).status).toBe(200)
        await waitFor(
          async () =>
            errors.mock.calls.some((call) => /payses_01UNKNOWNSESSION000000000 was not found/.test(String((call[0] as any)?.message ?? call[0]))),
          { timeoutMs: 60_000, what: "the unknown payment in the log" }
        )
        await afterWebhookDelay()
      } finally {
        errors.mockRestore()
      }
      expect(await orderOfCart(cartId)).toBeUndefined()
    })

    it("the shop completes the cart after Stripe.js confirmed; a refund reaches Stripe with the amount in đồng", async () => {
      const { cartId, total, intent } = await startCardCheckout(3)
      fake.confirm(intent.id)
      const orderId = (await completeCart(api, headers, cartId)).id
      const paid = await paymentOf(orderId)
      expect(paid).toMatchObject({ status: "captured", total, captures: [total] })

      // Stripe's webhook for the same payment still arrives: nothing is captured twice.
      expect((await postEvent(signStripeEvent(WEBHOOK_SECRET, stripeEvent("payment_intent.succeeded", fake.intents.get(intent.id)!)))).status).toBe(
        200
      )
      await afterWebhookDelay()
      expect((await paymentOf(orderId)).captures).toEqual([total])

      // The operator refunds one producer's part (a third of the goods, here 25 000 đ).
      const part = 25_000
      const refund = await api.post(`/admin/payments/${paid.payments[0].id}/refund`, { amount: part }, { headers: admin })
      expect(refund.status).toBe(200)
      const [sent] = fake.requestsTo("POST", /^\/v1\/refunds$/).filter((r) => r.params.payment_intent === intent.id)
      expect(sent.params.amount).toBe(String(part))
      expect(fake.refunds.filter((r) => r.payment_intent === intent.id).map((r) => r.amount)).toEqual([part])
      const refunded = await paymentOf(orderId)
      expect(refunded.refunds).toEqual([part])
      expect(refunded.status).toBe("partially_refunded")
    })
  },
})

describe("Stripe configuration", () => {
  const base = REQUIRED_SECRETS

  it("is off unless configured, talks to Stripe itself unless a base is set, and refuses half a configuration", () => {
    expect(parseConfig(base).stripe).toBeUndefined()
    expect(parseConfig({ ...base, STRIPE_API_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123" }).stripe).toEqual({
      apiKey: "sk_test_abc123",
      webhookSecret: "whsec_abc123",
      apiBase: undefined,
    })
    expect(() => parseConfig({ ...base, STRIPE_API_KEY: "sk_test_abc123" })).toThrow(/STRIPE_WEBHOOK_SECRET: cần cho Stripe/)
    expect(() => parseConfig({ ...base, STRIPE_WEBHOOK_SECRET: "whsec_abc123" })).toThrow(/STRIPE_API_KEY: cần cho Stripe/)
    // A publishable key is the shop's (NEXT_PUBLIC_STRIPE_KEY), never the backend's.
    expect(() => parseConfig({ ...base, STRIPE_API_KEY: "pk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123" })).toThrow(
      /^.*STRIPE_API_KEY: khoá bí mật/m
    )
    expect(() => parseConfig({ ...base, OCOP_STRIPE_API_BASE: "stripe.local" })).toThrow(/OCOP_STRIPE_API_BASE: /)
  })
})
