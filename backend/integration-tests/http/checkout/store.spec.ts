import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { demoHandle, demoProducts, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { BUYER_ADDRESS as ADDRESS } from "../../fixtures/buyer-address"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      headers = { "x-publishable-api-key": defaults.publishableKey }
      regionId = defaults.regionId
    })

    it("a buyer checks out a demo product with cash on delivery and a VND delivery fee", async () => {
      const record = demoProducts[0]
      const { data: found } = await api.get(`/store/products?handle=${demoHandle(record)}&fields=id,variants.id`, { headers })
      const variantId = found.products[0].variants[0].id

      const { data: created } = await api.post("/store/carts", { region_id: regionId, email: "lan@example.vn" }, { headers })
      const cartId = created.cart.id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 2 }, { headers })
      await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, { headers })

      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
      expect(options.shipping_options.map((o: any) => [o.name, o.amount])).toEqual(
        expect.arrayContaining([
          ["Giao hàng tiêu chuẩn (3–5 ngày)", 30000],
          ["Giao hàng nhanh (1–2 ngày)", 55000],
        ])
      )
      const standard = options.shipping_options.find((o: any) => o.amount === 30000)
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: standard.id }, { headers })

      const { data: providers } = await api.get(`/store/payment-providers?region_id=${regionId}`, { headers })
      expect(providers.payment_providers.map((p: any) => p.id)).toContain("pp_system_default")
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        { headers }
      )

      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      expect(completed.type).toBe("order")
      expect(completed.order).toMatchObject({
        currency_code: "vnd",
        total: record.price_vnd * 2 + 30000,
        email: "lan@example.vn",
      })
    })
  },
})
