import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BUYER_ADDRESS as ADDRESS } from "../../fixtures/buyer-address"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { failed, firstVariantId, inviteProducerMember, listProducersWithProducts } from "../../fixtures/producer"

jest.setTimeout(1_800_000)

const BUYERS = 50

/**
 * Issue 15: fifty buyers press "Đặt hàng" for the last unit at the same moment. Medusa has an open report of two
 * orders from concurrent last-unit completions; here the reservation is taken under a lock per inventory item
 * (in memory, or Redis's when REDIS_URL is set), so exactly one buyer gets the unit.
 */
runMedusaSuite({
  dbName: `notify_race_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    it(`${BUYERS} buyers complete their carts for the last unit at once: one order, ${BUYERS - 1} clear refusals, stock 0 / reserved 1`, async () => {
      const container = getContainer()
      const defaults = await seedDemoCatalog(container)
      const headers = { "x-publishable-api-key": defaults.publishableKey }
      const admin = await loginAdmin(api)

      // The producer sets its stock to 1 the way the portal does (this also turns inventory tracking on).
      const [{ producer_id, product_ids }] = await listProducersWithProducts(container)
      const producer = await inviteProducerMember(api, admin, producer_id, "kho.cuoi@example.vn")
      const productId = product_ids[0]
      const variantId = await firstVariantId(container, productId)
      await api.post(`/producer/products/${productId}`, { variants: [{ id: variantId, stock: 1 }] }, { headers: producer })

      // Each buyer's cart is ready up to the last click (added while the unit was still free).
      async function prepareCart(i: number) {
        const { data: created } = await api.post("/store/carts", { region_id: defaults.regionId, email: `mua${i}@example.vn` }, { headers })
        const cartId = created.cart.id as string
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, { headers })
        await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, { headers })
        const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
        const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
        await api.post(
          `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          { headers }
        )
        return cartId
      }
      const cartIds: string[] = []
      for (let i = 0; i < BUYERS; i += 10) {
        cartIds.push(...(await Promise.all(Array.from({ length: Math.min(10, BUYERS - i) }, (_, k) => prepareCart(i + k)))))
      }
      expect(new Set(cartIds).size).toBe(BUYERS)

      const started = Date.now()
      const answers = await Promise.all(cartIds.map((id) => failed(api.post(`/store/carts/${id}/complete`, {}, { headers, timeout: 120_000 }))))
      const elapsedMs = Date.now() - started

      // Medusa answers a refused completion either with an error status or with 200 { type: "cart", error }.
      const orders = answers.filter((a) => a.status === 200 && a.data?.type === "order")
      const refused = answers.filter((a) => !(a.status === 200 && a.data?.type === "order"))
      const statuses = refused.map((a) => a.status).sort()
      console.log(
        `last-unit race: ${BUYERS} completions in ${elapsedMs} ms, ${orders.length} order(s), refusals by status ` +
          JSON.stringify(statuses.reduce<Record<number, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {})) +
          ` (locking: ${process.env.REDIS_URL ? "Redis" : "in memory"})`
      )
      expect(orders).toHaveLength(1)
      expect(refused).toHaveLength(BUYERS - 1)
      for (const answer of refused) {
        expect(answer.status).toBeGreaterThanOrEqual(400)
        expect(answer.status).toBeLessThan(500)
        // The buyer reads which product ran out, in Vietnamese first.
        expect(answer.data.message).toMatch(/^quantity: .*(đã hết hàng|không đủ hàng)/)
      }

      // The winner's order really holds the unit; the stock shows it reserved and nothing left to sell.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: placed } = await query.graph({ entity: "order", fields: ["id", "items.variant_id", "items.quantity"] })
      expect(placed).toHaveLength(1)
      expect(placed[0].items!.map((i: any) => [i.variant_id, Number(i.quantity)])).toEqual([[variantId, 1]])
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory.location_levels.stocked_quantity", "inventory_items.inventory.location_levels.reserved_quantity"],
        filters: { id: variantId },
      })
      const levels = (variants[0] as any).inventory_items.flatMap((i: any) => i.inventory.location_levels)
      expect(levels.map((l: any) => [Number(l.stocked_quantity), Number(l.reserved_quantity)])).toEqual([[1, 1]])
      const { data: reservations } = await query.graph({ entity: "reservation_item", fields: ["id", "quantity"] })
      expect(reservations.map((r: any) => Number(r.quantity))).toEqual([1])

      // The shop's product page now says out of stock (what a 51st buyer would see).
      const { data: product } = await api.get(
        `/store/products/${productId}?fields=variants.id,%2Bvariants.inventory_quantity&region_id=${defaults.regionId}`,
        { headers }
      )
      expect(product.product.variants.find((v: any) => v.id === variantId).inventory_quantity).toBe(0)
    })
  },
})
