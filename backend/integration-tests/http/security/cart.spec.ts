import { runMedusaSuite } from "../../fixtures/medusa-suite"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createSalesChannelsWorkflow, linkProductsToSalesChannelWorkflow } from "@medusajs/medusa/core-flows"
import { attempt, createAttackTally } from "../../fixtures/attack-tally"
import { seedDemoCatalog } from "../../fixtures/demo-catalog"
import { createCart, prepareCheckout } from "../../fixtures/checkout"

jest.setTimeout(300_000)

const BAD_QUANTITIES: unknown[] = [1.5, 0, 0.001, -1, 1e300, "abc", 100, 1_000_000_002, null]

type Product = { id: string; title: string; variantId: string }

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const tally = createAttackTally("cart")
    let container: MedusaContainer
    let headers: Record<string, string>
    let defaults: Awaited<ReturnType<typeof seedDemoCatalog>>
    let products: Product[]

    beforeAll(async () => {
      container = getContainer()
      defaults = await seedDemoCatalog(container)
      headers = { "x-publishable-api-key": defaults.publishableKey }
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product",
        fields: ["id", "title", "variants.id"],
        pagination: { take: 6, order: { title: "ASC" } },
      })
      products = data.map((p: any) => ({ id: p.id, title: p.title, variantId: p.variants[0].id }))
      expect(products).toHaveLength(6)
    })

    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    const newCart = () => createCart(api, headers, { regionId: defaults.regionId, email: "lan@example.vn" })
    const cartLines = async (cartId: string) =>
      (await api.get(`/store/carts/${cartId}?fields=items.variant_id,items.quantity`, { headers })).data.cart.items as {
        variant_id: string
        quantity: number
      }[]

    /** Address, the standard delivery and cash on delivery: all a cart needs before completion. */
    const prepareCashCheckout = (cartId: string) => prepareCheckout(api, headers, cartId, { providerId: "pp_system_default" })

    async function moveToOtherChannel(productId: string) {
      const { result } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: `Kênh riêng ${productId}`, description: "not the shop's channel" }] },
      })
      await linkProductsToSalesChannelWorkflow(container).run({ input: { id: defaults.salesChannelId, remove: [productId] } })
      await linkProductsToSalesChannelWorkflow(container).run({ input: { id: result[0].id, add: [productId] } })
    }

    async function countOrders() {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id"] })
      return data.length
    }

    describe("a product outside the publishable key's sales channel", () => {
      it("cannot be added to a cart by variant id, nor put in a new cart", async () => {
        const hidden = products[0]
        await moveToOtherChannel(hidden.id)
        const cartId = await newCart()

        const added = await attempt(() => api.post(`/store/carts/${cartId}/line-items`, { variant_id: hidden.variantId, quantity: 1 }, { headers }))
        const lines = await cartLines(cartId)
        tally.record(
          "add a variant of another channel's product",
          added,
          added.status !== 400 || lines.length > 0 ? `HTTP ${added.status}, ${lines.length} line(s)` : false
        )
        expect(added.status).toBe(400)
        expect((added.data as any).message).toMatch(/^variant_id: /)
        expect((added.data as any).message).toContain(hidden.title)
        expect(lines).toEqual([])

        const created = await attempt(() =>
          api.post("/store/carts", { region_id: defaults.regionId, items: [{ variant_id: hidden.variantId, quantity: 1 }] }, { headers })
        )
        tally.record("create a cart holding another channel's product", created, created.status !== 400 && `HTTP ${created.status}`)
        expect(created.status).toBe(400)
        expect((created.data as any).message).toMatch(/^items: /)
      })

      it("cannot be ordered when it left the channel after it was added", async () => {
        const leaving = products[1]
        const cartId = await newCart()
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: leaving.variantId, quantity: 2 }, { headers })
        await prepareCashCheckout(cartId)
        await moveToOtherChannel(leaving.id)
        const ordersBefore = await countOrders()

        const completed = await attempt(() => api.post(`/store/carts/${cartId}/complete`, {}, { headers }))
        const ordersAfter = await countOrders()
        tally.record(
          "complete a cart whose product left the channel",
          completed,
          (completed.status !== 400 || ordersAfter !== ordersBefore) && `HTTP ${completed.status}, ${ordersAfter - ordersBefore} order(s) created`
        )
        expect(completed.status).toBe(400)
        expect((completed.data as any).message).toMatch(/^items: /)
        expect((completed.data as any).message).toContain(leaving.title)
        expect(ordersAfter).toBe(ordersBefore)
      })
    })

    it("the same rules hold for a workflow run by the app's engine, not through HTTP", async () => {
      const hidden = products[5]
      await moveToOtherChannel(hidden.id)
      const cartId = await newCart()
      const engine = container.resolve(Modules.WORKFLOW_ENGINE)
      const run = async (what: string, workflowId: string, input: Record<string, unknown>) => {
        const { errors } = await engine.run(workflowId, { input, throwOnError: false })
        const message: string = errors[0]?.error?.message ?? ""
        tally.check(what, !message && "accepted")
        return message
      }
      expect(
        await run("engine: add another channel's product", "add-to-cart", { cart_id: cartId, items: [{ variant_id: hidden.variantId, quantity: 1 }] })
      ).toMatch(/^variant_id: /)
      expect(
        await run("engine: add 2.5 units", "add-to-cart", { cart_id: cartId, items: [{ variant_id: products[4].variantId, quantity: 2.5 }] })
      ).toMatch(/^quantity: /)
      const { data } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: products[4].variantId, quantity: 1 }, { headers })
      expect(
        await run("engine: change a line to 500 units", "update-line-item-in-cart", {
          cart_id: cartId,
          item_id: data.cart.items[0].id,
          update: { quantity: 500 },
        })
      ).toMatch(/^quantity: /)
      expect(await cartLines(cartId)).toEqual([{ variant_id: products[4].variantId, quantity: 1 }])
    })

    describe("quantities", () => {
      it("are whole numbers from 1 to 99 when a line is added, changed or a cart is created with items", async () => {
        const product = products[2]
        const cartId = await newCart()
        for (const quantity of BAD_QUANTITIES) {
          const added = await attempt(() => api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variantId, quantity }, { headers }))
          tally.record(`add a line of ${JSON.stringify(quantity)} units`, added, added.status !== 400 && `HTTP ${added.status}`)
          expect([quantity, added.status, (added.data as any).message]).toEqual([quantity, 400, expect.stringMatching(/^quantity: /)])

          const created = await attempt(() =>
            api.post("/store/carts", { region_id: defaults.regionId, items: [{ variant_id: product.variantId, quantity }] }, { headers })
          )
          tally.record(`create a cart with ${JSON.stringify(quantity)} units`, created, created.status !== 400 && `HTTP ${created.status}`)
          expect([quantity, created.status, (created.data as any).message]).toEqual([quantity, 400, expect.stringMatching(/^items\.0\.quantity: /)])
        }
        expect(await cartLines(cartId)).toEqual([])

        const { data: ok } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variantId, quantity: 99 }, { headers })
        const line = ok.cart.items.find((i: any) => i.variant_id === product.variantId)
        expect(line.quantity).toBe(99)

        for (const quantity of BAD_QUANTITIES) {
          const updated = await attempt(() => api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity }, { headers }))
          tally.record(`change a line to ${JSON.stringify(quantity)} units`, updated, updated.status !== 400 && `HTTP ${updated.status}`)
          expect([quantity, updated.status, (updated.data as any).message]).toEqual([quantity, 400, expect.stringMatching(/^quantity: /)])
        }

        // 99 + 1 of the same variant merge into one line of 100.
        const more = await attempt(() => api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variantId, quantity: 1 }, { headers }))
        tally.record("grow a 99-unit line by one more", more, more.status !== 400 && `HTTP ${more.status}`)
        expect(more.status).toBe(400)
        expect((more.data as any).message).toMatch(/^quantity: .*99/)
        expect(await cartLines(cartId)).toEqual([{ variant_id: product.variantId, quantity: 99 }])

        const { data: changed } = await api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: 3 }, { headers })
        expect(changed.cart.items.find((i: any) => i.id === line.id).quantity).toBe(3)
      })
    })

    describe("a stock shortage", () => {
      /** Gives the variant tracked stock at the shop's warehouse, as a producer's first stock entry does. */
      async function stockVariant(variantId: string, stock: number) {
        const inventory = container.resolve(Modules.INVENTORY)
        const item = await inventory.createInventoryItems({ title: "kho thử" })
        await container.resolve(ContainerRegistrationKeys.LINK).create({
          [Modules.PRODUCT]: { variant_id: variantId },
          [Modules.INVENTORY]: { inventory_item_id: item.id },
        })
        await inventory.createInventoryLevels([{ inventory_item_id: item.id, location_id: defaults.stockLocationId, stocked_quantity: stock }])
        await container.resolve(Modules.PRODUCT).updateProductVariants(variantId, { manage_inventory: true })
        return item.id
      }

      it("names the product and what is left, never an inventory or warehouse id", async () => {
        const product = products[3]
        const itemId = await stockVariant(product.variantId, 5)
        const cartId = await newCart()
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variantId, quantity: 3 }, { headers })

        const tooMany = await attempt(() =>
          api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variantId, quantity: 3 }, { headers })
        )
        const message = String((tooMany.data as any)?.message)
        tally.record("add more than the stock", tooMany, /iitem_|sloc_|variant_/.test(message) && `message shows ids: ${message}`)
        expect(tooMany.status).toBe(400)
        expect(message).toBe(`quantity: chỉ còn 5 “${product.title}” / only 5 left of “${product.title}”`)

        await prepareCashCheckout(cartId)
        await container
          .resolve(Modules.INVENTORY)
          .updateInventoryLevels([{ inventory_item_id: itemId, location_id: defaults.stockLocationId, stocked_quantity: 2 }])
        const completed = await attempt(() => api.post(`/store/carts/${cartId}/complete`, {}, { headers }))
        const atCompletion = String((completed.data as any)?.message)
        tally.record("complete after the stock fell", completed, /iitem_|sloc_/.test(atCompletion) && `message shows ids: ${atCompletion}`)
        expect(completed.status).toBe(400)
        expect(atCompletion).toMatch(/^quantity: /)
        expect(atCompletion).not.toMatch(/iitem_|sloc_/)
        expect(atCompletion).toContain(product.title)
      })
    })

    it("does not echo a 10,000-character input in an error", async () => {
      const cartId = await newCart()
      const longId = `variant_${"x".repeat(10_000)}`
      const answer = await attempt(() => api.post(`/store/carts/${cartId}/line-items`, { variant_id: longId, quantity: 1 }, { headers }))
      const message = String((answer.data as any)?.message)
      tally.record(
        "add a 10,000-character variant id",
        answer,
        (message.length > 600 || message.includes("x".repeat(100))) && `echoed ${message.length} characters`
      )
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
      expect(message.length).toBeLessThanOrEqual(600)
      expect(message).not.toContain("x".repeat(100))
    })
  },
})
