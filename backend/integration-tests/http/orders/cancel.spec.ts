import { randomBytes } from "node:crypto"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { completeCart, createCart, minutesAfterSessionOpened, prepareCheckout } from "../../fixtures/checkout"
import { enlistTwoSellers, failed, type Seller, waitForOrderParts } from "../../fixtures/producer"
import { StripeFake } from "../../fixtures/stripe-fake"
import { configureVnpay, signedVnpayQuery, vnpayIpnParams } from "../../fixtures/vnpay"
import { expireUnpaidPayments } from "../../../src/jobs/expire-unpaid-payments"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import type ProducerModuleService from "../../../src/modules/producer/service"
import { findFreePort } from "../../fixtures/free-port"

// The app boots and migrates in beforeAll, which takes minutes on a loaded machine.
jest.setTimeout(900_000)

// Before the app starts: medusa-config.ts registers Stripe (pointed at the local fake) and VNPay only when set.
const API_KEY = `sk_test_${randomBytes(16).toString("hex")}`
const FAKE_PORT = findFreePort()
Object.assign(process.env, {
  STRIPE_API_KEY: API_KEY,
  STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  OCOP_STRIPE_API_BASE: `http://127.0.0.1:${FAKE_PORT}`,
})
const VNPAY_SECRET = configureVnpay()

const STOCK = 20
const PER_PRODUCER = "producer-shipping_ocop"
// OCOP_DEFAULT_SHIPPING_FEE is unset in tests: each producer's part costs the documented default, 30 000 ₫.
const PART_FEE = 30_000

/**
 * Cancelling a producer's part (issue 15): by the producer or the operator, before it ships; the stock returns, the
 * buyer's money for that part (its lines and its delivery fee) goes back through the provider that took it, and the
 * order is cancelled with its last part. VNPay orders nobody paid expire.
 */
runMedusaSuite({
  dbName: `order_cancel_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    const fake = new StripeFake(API_KEY)
    let defaults: Awaited<ReturnType<typeof seedDemoCatalog>>
    let store: Record<string, string>
    let admin: Record<string, string>
    const sellers: Seller[] = []

    beforeAll(async () => {
      await fake.start(FAKE_PORT)
      const container = getContainer()
      defaults = await seedDemoCatalog(container)
      store = { "x-publishable-api-key": defaults.publishableKey }
      admin = await loginAdmin(api)
      sellers.push(
        ...(await enlistTwoSellers(api, container, {
          regionId: defaults.regionId,
          storeHeaders: store,
          adminHeaders: admin,
          emailPrefix: "huy-don",
          stock: STOCK,
        }))
      )
      expect(sellers).toHaveLength(2)
    })

    afterAll(async () => {
      await fake.stop()
    })

    beforeEach(async () => {
      admin = await loginAdmin(api)
    })

    const producers = () => getContainer().resolve(PRODUCER_MODULE) as ProducerModuleService

    /** A checkout with 2 of each variant, delivered by each producer (its own fee), paid with `providerId`. */
    async function checkout(variantIds: string[], providerId: string, data?: Record<string, unknown>) {
      const cartId = await createCart(api, store, { regionId: defaults.regionId, email: "thu@example.vn", lines: variantIds.map((v) => [v, 2]) })
      const collection = await prepareCheckout(api, store, cartId, {
        providerId,
        data,
        shipping: (options) => options.find((o: any) => o.provider_id === PER_PRODUCER),
      })
      const session = collection.payment_sessions.find((s) => s.provider_id === providerId)!
      // What Stripe.js does when the buyer's card goes through.
      const intent = providerId === "pp_stripe_stripe" ? fake.confirm(fake.intentOfSession(session.id)!.id) : undefined
      const order = await completeCart(api, store, cartId)
      return { order, intent, session }
    }

    const partsOf = (orderId: string, count: number) => waitForOrderParts(getContainer(), orderId, count)
    /** The producer's part once all `count` parts of the order exist. */
    const partOf = async (orderId: string, producerId: string, count: number) =>
      (await partsOf(orderId, count)).find((p) => p.producer_id === producerId)!

    /** Units of the variant a buyer can still order: stocked minus reserved at every location. */
    async function availableOf(variantId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
      const itemId = (data[0] as any).inventory_items[0].inventory_item_id
      const levels = await getContainer().resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId })
      return levels.reduce((sum, l) => sum + Number(l.stocked_quantity) - Number(l.reserved_quantity), 0)
    }

    async function orderState(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,payment_status,payment_collections.payments.refunds.amount`, {
        headers: admin,
      })
      const refunds = data.order.payment_collections.flatMap((c: any) => (c.payments ?? []).flatMap((p: any) => p.refunds ?? []))
      return { status: data.order.status, payment_status: data.order.payment_status, refunds: refunds.map((r: any) => Number(r.amount)) }
    }

    /** The amounts the fake Stripe was asked to refund for the intent, as the requests carried them. */
    const refundsSent = (intentId: string) =>
      fake
        .requestsTo("POST", /^\/v1\/refunds$/)
        .filter((r) => r.params.payment_intent === intentId)
        .map((r) => r.params.amount)

    const ledgerOf = async (headers: Record<string, string>) => (await api.get("/producer/payouts", { headers })).data.ledger.totals

    it("card order: the producer's cancel refunds its lines and fee on Stripe in đồng; the operator's cancel of the last part cancels the order", async () => {
      const [a, b] = sellers
      const [stockA, stockB] = [await availableOf(a.variant_id), await availableOf(b.variant_id)]
      const [ledgerA, ledgerB] = [await ledgerOf(a.headers), await ledgerOf(b.headers)]
      const { order, intent } = await checkout([a.variant_id, b.variant_id], "pp_stripe_stripe")
      const refundA = a.price * 2 + PART_FEE
      const refundB = b.price * 2 + PART_FEE
      expect(order.total).toBe(refundA + refundB)
      const partB = await partOf(order.id, b.producer_id, 2)

      const { data: byProducer } = await api.post(`/producer/orders/${order.id}/cancel`, {}, { headers: a.headers })
      expect(byProducer.order.shipment).toMatchObject({ status: "canceled" })
      expect(byProducer.refund).toMatchObject({ amount: refundA, status: "refunded", provider_id: "pp_stripe_stripe" })
      // What reached Stripe: the part's amount as it is (VND is zero-decimal), never ×100.
      expect(refundsSent(intent!.id)).toEqual([String(refundA)])
      expect(await availableOf(a.variant_id)).toBe(stockA)
      expect(await availableOf(b.variant_id)).toBe(stockB - 2)
      expect(await orderState(order.id)).toEqual({ status: "pending", payment_status: "partially_refunded", refunds: [refundA] })

      const { data: byOperator } = await api.post(`/admin/order-parts/${partB.id}/cancel`, {}, { headers: admin })
      expect(byOperator).toMatchObject({
        part: { id: partB.id, status: "canceled", subtotal: b.price * 2, shipping_fee: PART_FEE },
        refund: { amount: refundB, status: "refunded", provider_id: "pp_stripe_stripe" },
        order_canceled: true,
      })
      // The buyer got everything back, once per part, and the order is cancelled.
      expect(refundsSent(intent!.id)).toEqual([String(refundA), String(refundB)])
      expect(fake.refunds.filter((r) => r.payment_intent === intent!.id).map((r) => r.amount)).toEqual([refundA, refundB])
      const state = await orderState(order.id)
      expect(state).toMatchObject({ status: "canceled", payment_status: "refunded" })
      expect(state.refunds.sort()).toEqual([refundA, refundB].sort())
      expect(await availableOf(b.variant_id)).toBe(stockB)

      // The payouts ledgers show the refunds, already sent (nothing pending for the operator).
      const [afterA, afterB] = [await ledgerOf(a.headers), await ledgerOf(b.headers)]
      expect([afterA.refunds - ledgerA.refunds, afterA.refunds_pending - ledgerA.refunds_pending]).toEqual([refundA, 0])
      expect([afterB.refunds - ledgerB.refunds, afterB.refunds_pending - ledgerB.refunds_pending]).toEqual([refundB, 0])
      expect(afterA.balance).toBe(ledgerA.balance)
    })

    it("the same part cancelled twice at once: one wins, one refund; both parts cancelled at once: the order is cancelled once", async () => {
      const [a, b] = sellers
      const single = await checkout([a.variant_id], "pp_stripe_stripe")
      await partsOf(single.order.id, 1)
      const statuses = await Promise.all(
        [1, 2].map(() => failed(api.post(`/producer/orders/${single.order.id}/cancel`, {}, { headers: a.headers })).then((r) => r.status))
      )
      expect(statuses.sort()).toEqual([200, 400])
      expect(refundsSent(single.intent!.id)).toEqual([String(single.order.total)])
      expect((await producers().listProducerRefunds({ order_id: single.order.id })).map((r) => [Number(r.amount), r.status])).toEqual([
        [single.order.total, "refunded"],
      ])
      expect((await orderState(single.order.id)).status).toBe("canceled")

      // The two producers' parts, one by its producer and one by the operator, at the same moment.
      const both = await checkout([a.variant_id, b.variant_id], "pp_stripe_stripe")
      const partB = await partOf(both.order.id, b.producer_id, 2)
      const answers = await Promise.all([
        failed(api.post(`/producer/orders/${both.order.id}/cancel`, {}, { headers: a.headers })),
        failed(api.post(`/admin/order-parts/${partB.id}/cancel`, {}, { headers: admin })),
      ])
      expect(answers.map((r) => r.status)).toEqual([200, 200])
      const sent = refundsSent(both.intent!.id).map(Number)
      expect(sent.reduce((sum, amount) => sum + amount, 0)).toBe(both.order.total)
      const state = await orderState(both.order.id)
      expect(state).toMatchObject({ status: "canceled", payment_status: "refunded" })
      expect(state.refunds.reduce((sum, amount) => sum + amount, 0)).toBe(both.order.total)
    })

    it("a shipped part cannot be cancelled by its producer or the operator (400 naming the state); a COD refund is the operator's to pay", async () => {
      const [a, b] = sellers
      const { order } = await checkout([a.variant_id, b.variant_id], "pp_system_default")
      const partA = await partOf(order.id, a.producer_id, 2)
      await api.post(
        `/producer/orders/${order.id}/fulfillments`,
        { status: "shipped", carrier: "GHN", tracking_number: "GHN-445566" },
        { headers: a.headers }
      )
      const stockA = await availableOf(a.variant_id)

      for (const attempt of [
        failed(api.post(`/producer/orders/${order.id}/cancel`, {}, { headers: a.headers })),
        failed(api.post(`/admin/order-parts/${partA.id}/cancel`, {}, { headers: admin })),
      ]) {
        const { status, data } = await attempt
        expect(status).toBe(400)
        expect(data.message).toMatch(/^status: .*"shipped"/)
      }
      expect(await availableOf(a.variant_id)).toBe(stockA)
      expect((await producers().listProducerShipments({ id: partA.id }))[0].status).toBe("shipped")

      const unknown = await failed(api.post(`/admin/order-parts/opshp_01UNKNOWNPART000000000000/cancel`, {}, { headers: admin }))
      expect(unknown.status).toBe(404)
      expect((await failed(api.post(`/admin/order-parts/${partA.id}/cancel`, {}))).status).toBe(401)

      // Cash on delivery: nothing was taken, the refund stays a record for the operator; the order goes on with A.
      const ledgerB = await ledgerOf(b.headers)
      const { data } = await api.post(`/producer/orders/${order.id}/cancel`, {}, { headers: b.headers })
      expect(data.refund).toMatchObject({ amount: b.price * 2 + PART_FEE, status: "pending", provider_id: "pp_system_default" })
      expect((await ledgerOf(b.headers)).refunds_pending - ledgerB.refunds_pending).toBe(b.price * 2 + PART_FEE)
      expect((await orderState(order.id)).status).toBe("pending")
    })

    it("a shipment and a cancel of the same part at the same moment: one wins, and a refunded part is never shipped", async () => {
      const [a] = sellers
      for (const round of [1, 2]) {
        const { order, intent } = await checkout([a.variant_id], "pp_stripe_stripe")
        const part = await partOf(order.id, a.producer_id, 1)
        const [ship, cancel] = await Promise.all([
          failed(
            api.post(
              `/producer/orders/${order.id}/fulfillments`,
              { status: "shipped", carrier: "GHN", tracking_number: `GHN-R${round}` },
              { headers: a.headers }
            )
          ),
          failed(api.post(`/producer/orders/${order.id}/cancel`, {}, { headers: a.headers })),
        ])
        expect([ship.status, cancel.status].sort()).toEqual([200, 400])
        const [after] = await producers().listProducerShipments({ id: part.id })
        if (cancel.status === 200) {
          expect(after.status).toBe("canceled")
          expect(ship.data.message).toMatch(/^status: .*"canceled"|^status: .*huỷ/)
          expect(refundsSent(intent!.id)).toEqual([String(order.total)])
        } else {
          expect(after).toMatchObject({ status: "shipped", tracking_number: `GHN-R${round}` })
          expect(cancel.data.message).toMatch(/^status: .*"shipped"/)
          expect(refundsSent(intent!.id)).toEqual([])
        }
      }
    })

    it("a VNPay order nobody paid expires and returns its stock; VNPay's late payment is answered 02 and held", async () => {
      const [a] = sellers
      const before = await availableOf(a.variant_id)
      const { order, session } = await checkout([a.variant_id], "pp_vnpay_vnpay", { ip_address: "203.113.152.10", locale: "vn" })
      expect(await availableOf(a.variant_id)).toBe(before - 2)

      // OCOP_VNPAY_EXPIRY_MINUTES is unset: the documented default, 60 minutes.
      const after = (minutes: number) => minutesAfterSessionOpened(getContainer(), session.id, minutes)
      expect(await expireUnpaidPayments(getContainer(), await after(59))).toEqual([])
      expect(await expireUnpaidPayments(getContainer(), await after(61))).toEqual([order.id])
      expect(await availableOf(a.variant_id)).toBe(before)
      expect((await orderState(order.id)).status).toBe("canceled")

      const payments = getContainer().resolve(Modules.PAYMENT)
      const [placed] = await payments.listPaymentSessions({ id: session.id })
      const txnRef = new URL(placed.data.payment_url as string).searchParams.get("vnp_TxnRef")!
      const ipn = signedVnpayQuery(VNPAY_SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total }))
      for (const call of [1, 2]) {
        const { status, data } = await api.get(`/hooks/vnpay/ipn?${ipn}`, { validateStatus: () => true })
        expect([call, status, data.RspCode]).toEqual([call, 200, "02"])
      }
      const [held] = await payments.listPaymentSessions({ id: session.id })
      expect(held.data).toMatchObject({ held_ipn: { response_code: "00", transaction_status: "00" } })
      expect(held.data.ipn).toBeUndefined()
      expect(await orderState(order.id)).toMatchObject({ status: "canceled" })
      expect(await availableOf(a.variant_id)).toBe(before)
    })
  },
})
