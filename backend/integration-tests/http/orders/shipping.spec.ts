import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { BUYER_ADDRESS as ADDRESS } from "../../fixtures/buyer-address"
import { enlistTwoSellers, failed, type Seller, waitForOrderParts } from "../../fixtures/producer"

// Generous: the app boots and migrates in beforeAll, which takes minutes on a loaded machine.
jest.setTimeout(900_000)

const FEE_B = 25_000
// The operator's default fee (OCOP_DEFAULT_SHIPPING_FEE unset: 30 000 ₫) must not be what B charges, or a
// fallback to the default would pass unnoticed.
const PER_PRODUCER = "producer-shipping_ocop"

/**
 * Shipping per producer (issue 15 point 3), through the store API as the shop checks out: each producer's part of a
 * cart carries its own delivery fee (its flat fee, free from its threshold), and the order's shipping is their sum.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let defaults: Awaited<ReturnType<typeof seedDemoCatalog>>
    let store: { headers: Record<string, string> }
    const sellers: Seller[] = []

    beforeAll(async () => {
      const container = getContainer()
      defaults = await seedDemoCatalog(container)
      store = { headers: { "x-publishable-api-key": defaults.publishableKey } }
      const adminHeaders = await loginAdmin(api)
      sellers.push(
        ...(await enlistTwoSellers(api, container, {
          regionId: defaults.regionId,
          storeHeaders: store.headers,
          adminHeaders,
          emailPrefix: "giao-hang",
          stock: 9,
        }))
      )
      expect(sellers).toHaveLength(2)
    })

    it("refuses bad delivery terms naming the field, Vietnamese first, and changes nothing", async () => {
      const [a] = sellers
      for (const [body, field] of [
        [{ shipping_fee: -1 }, "shipping_fee"],
        [{ free_shipping_from: 1.5 }, "free_shipping_from"],
        [{ shipping_fee: "30000" }, "shipping_fee"],
      ] as const) {
        const { status, data } = await failed(api.post("/producer/shipping", body, { headers: a.headers }))
        expect(status).toBe(400)
        expect(data.message).toContain(field)
      }
      const { data } = await api.get("/producer/shipping", { headers: a.headers })
      expect(data.shipping).toMatchObject({ shipping_fee: null, free_shipping_from: null, applied: { fee: 30_000, free_from: null } })
      // Without a producer's session the route is closed.
      expect((await failed(api.post("/producer/shipping", { shipping_fee: 0 }))).status).toBe(401)
    })

    it("two producers, one over its threshold: the order's total is the lines plus the other producer's fee", async () => {
      const [a, b] = sellers
      // A: free from exactly what the buyer orders (2 units, the threshold itself is free); B: its own fee, never free.
      await api.post("/producer/shipping", { shipping_fee: 40_000, free_shipping_from: a.price * 2 }, { headers: a.headers })
      const { data: setB } = await api.post("/producer/shipping", { shipping_fee: FEE_B }, { headers: b.headers })
      expect(setB.shipping.applied).toEqual({ fee: FEE_B, free_from: null })

      const { data: created } = await api.post("/store/carts", { region_id: defaults.regionId, email: "hoa@example.vn" }, store)
      const cartId = created.cart.id
      for (const { variant_id } of [a, b]) await api.post(`/store/carts/${cartId}/line-items`, { variant_id, quantity: 2 }, store)
      await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, store)

      // What the cart and checkout pages show: one fee per producer.
      const { data: fees } = await api.get(`/store/carts/${cartId}/shipping-fees`, store)
      const feeOf = (id: string) => fees.shipping_fees.parts.find((p: any) => p.producer_id === id)
      expect(fees.shipping_fees.parts).toHaveLength(2)
      expect(feeOf(a.producer_id)).toMatchObject({ subtotal: a.price * 2, fee: 0 })
      expect(feeOf(b.producer_id)).toMatchObject({ subtotal: b.price * 2, fee: FEE_B })
      expect(fees.shipping_fees.total).toBe(FEE_B)

      // The option the shop picks is priced by the provider with the same rule.
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
      const option = options.shipping_options.find((o: any) => o.provider_id === PER_PRODUCER)
      expect(option?.price_type).toBe("calculated")
      const { data: priced } = await api.post(`/store/shipping-options/${option.id}/calculate`, { cart_id: cartId }, store)
      expect(priced.shipping_option.amount).toBe(FEE_B)

      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, store)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      expect(completed.type).toBe("order")
      const order = completed.order
      expect(order.shipping_total).toBe(FEE_B)
      expect(order.total).toBe(a.price * 2 + b.price * 2 + FEE_B)

      // Each part records its own fee; the buyer's per-producer blocks show it.
      await waitForOrderParts(getContainer(), order.id, 2)
      const { data: blocks } = await api.get(`/store/orders/${order.id}/parts`, store)
      expect(blocks.parts.map((p: any) => [p.producer.id, p.shipping_fee]).sort()).toEqual(
        [
          [a.producer_id, 0],
          [b.producer_id, FEE_B],
        ].sort()
      )
    })
  },
})
