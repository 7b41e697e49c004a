import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { demoProducts, loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { rebuildProductIndex } from "../../fixtures/sample-catalog"
import { waitFor } from "../../fixtures/wait-for"
import { failed, inviteProducerMember, listProducersWithProducts } from "../../fixtures/producer"
import ProductProducerLink from "../../../src/links/product-producer"

jest.setTimeout(300_000)

/** Issue 14: an imported list is a showcase at once; a producer's first pack size makes a listing purchasable. */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Record<string, string>
    let adminHeaders: Record<string, string>
    let regionId: string

    const row = (name: string, producer: string, i: number) => ({
      product_name: name,
      producer_name: producer,
      stars: 4,
      potential_five_star: false,
      score: null,
      province_as_listed: "Thái Nguyên",
      district_as_listed: null,
      commune_as_listed: null,
      province_code_2025: "19",
      province_name_2025: "Tỉnh Thái Nguyên",
      decision_number: "88/QĐ-UBND",
      decision_date: "2025-09-01",
      valid_until: "2028-09-01",
      source_row: i + 1,
      producer_type: null,
      commune_code_2025: null,
      product_group_code: "I.5",
      address_as_listed: null,
    })
    const rows = [
      row("Trà móc câu Tân Cương trưng bày", "Hợp tác xã chè Trưng Bày Một", 0),
      row("Trà búp khô trưng bày", "Hợp tác xã chè Trưng Bày Hai", 1),
      row("Trà xanh bị thu hồi trưng bày", "Hợp tác xã chè Trưng Bày Ba", 2),
    ]
    const search = async (query: string) => (await api.get(`/store/ocop/search${query}`, { headers: storeHeaders })).data
    const hitOf = async (title: string, extra = "") =>
      (await search(`?q=${encodeURIComponent(title)}&limit=10${extra}`)).hits.find((h: any) => h.title === title)
    const productOf = async (title: string) => {
      const products = await getContainer()
        .resolve(Modules.PRODUCT)
        .listProducts({ title }, { select: ["id", "handle", "status"] })
      return products[0]
    }
    const producerOf = async (productId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: ProductProducerLink.entryPoint, fields: ["producer_id"], filters: { product_id: productId } })
      return (data[0] as any).producer_id as string
    }

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      await rebuildProductIndex(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      regionId = defaults.regionId
      adminHeaders = await loginAdmin(api)
      await api.post("/admin/ocop/imports", { records: rows, file_name: "trung-bay.csv" }, { headers: adminHeaders })
      await api.post("/admin/ocop/imports", { records: [rows[2]], mode: "revoke", file_name: "thu-hoi.csv" }, { headers: adminHeaders })
      // Every index write of both imports, the revocation's too: the snapshot taken before the first test ends every
      // database session, so an event still being indexed then would be lost for the whole suite.
      await waitFor(
        async () => Boolean((await hitOf(rows[0].product_name)) && (await hitOf(rows[1].product_name)) && !(await hitOf(rows[2].product_name))),
        { what: "two showcase listings indexed and the revoked one left out", timeoutMs: 60_000 }
      )
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    it("publishes imported products as showcase listings: in search with no price, not buyable, counted in the facets", async () => {
      expect((await productOf(rows[0].product_name)).status).toBe("published")
      const hit = await hitOf(rows[0].product_name)
      expect(hit).toMatchObject({ price: null, buyable: false, stars: 4, certification_status: "active", province: { code: "19" } })
      const all = await search("?limit=1")
      const notBuyable = all.facets.buyable.find((f: any) => f.value === false)?.count
      const buyable = all.facets.buyable.find((f: any) => f.value === true)?.count
      expect(notBuyable).toBeGreaterThanOrEqual(2)
      expect(notBuyable + buyable).toBe(all.count)
      const onlyBuyable = await search("?buyable=true&limit=100")
      expect(onlyBuyable.count).toBe(buyable)
      expect(onlyBuyable.hits.length).toBeGreaterThan(0)
      expect(onlyBuyable.hits.every((h: any) => h.buyable && h.price)).toBe(true)
      expect(onlyBuyable.hits.map((h: any) => h.title)).not.toContain(rows[0].product_name)
      const showcase = await search("?buyable=false&limit=100")
      expect(showcase.hits.map((h: any) => h.title)).toEqual(expect.arrayContaining([rows[0].product_name, rows[1].product_name]))
    })

    it("a showcase listing's page, its province count and a bad filter behave", async () => {
      const product = await productOf(rows[0].product_name)
      const { data } = await api.get(`/store/ocop/products/${product.handle}`, { headers: storeHeaders })
      expect(data.product).toMatchObject({ title: rows[0].product_name, price_from: null, variants: [] })
      const { data: map } = await api.get("/store/provinces", { headers: storeHeaders })
      const thaiNguyen = map.provinces.find((p: any) => p.code === "19")
      const demoThaiNguyen = demoProducts.filter((r) => r.province_code_2025 === "19").length
      expect(thaiNguyen.product_count).toBe(demoThaiNguyen + 3)
      const bad = await failed(api.get("/store/ocop/search?buyable=yes", { headers: storeHeaders }))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/^buyable/)
    })

    it("a revoked listing is not in search but stays reachable by its address, plainly marked", async () => {
      expect(await hitOf(rows[2].product_name)).toBeUndefined()
      const product = await productOf(rows[2].product_name)
      const { data } = await api.get(`/store/ocop/products/${product.handle}`, { headers: storeHeaders })
      expect(data.product.ocop.status).toBe("revoked")
    })

    it("the producer adds a pack size: the listing becomes buyable and goes into a cart; another producer gets 404", async () => {
      const product = await productOf(rows[1].product_name)
      const owner = await inviteProducerMember(api, adminHeaders, await producerOf(product.id), "chu@trungbay.vn")
      const [stranger] = await listProducersWithProducts(getContainer())
      const strangerHeaders = await inviteProducerMember(api, adminHeaders, stranger.producer_id, "la@khac.vn")
      const foreign = await failed(
        api.post(`/producer/products/${product.id}/variants`, { title: "Hộp 200 g", price_vnd: 90000 }, { headers: strangerHeaders })
      )
      expect(foreign.status).toBe(404)
      const cheap = await failed(api.post(`/producer/products/${product.id}/variants`, { title: "Gói", price_vnd: 5 }, { headers: owner }))
      expect(cheap.status).toBe(400)
      expect(cheap.data.message).toMatch(/^price_vnd/)
      expect((await hitOf(rows[1].product_name)).buyable).toBe(false)

      const added = await api.post(
        `/producer/products/${product.id}/variants`,
        { title: "Hộp 500 g", price_vnd: 120000, stock: 8 },
        { headers: owner }
      )
      expect(added.status).toBe(201)
      await api.post(`/producer/products/${product.id}/variants`, { title: "Túi 1 kg", price_vnd: 210000 }, { headers: owner })
      const twice = await failed(api.post(`/producer/products/${product.id}/variants`, { title: "Túi 1 kg", price_vnd: 1000 }, { headers: owner }))
      expect(twice.status).toBe(400)
      await waitFor(async () => (await hitOf(rows[1].product_name, "&buyable=true"))?.buyable === true, { what: "listing buyable" })
      expect(await hitOf(rows[1].product_name, "&buyable=true")).toMatchObject({ price: { amount: 120000, currency_code: "vnd" }, in_stock: true })

      const { data: page } = await api.get(`/store/ocop/products/${product.handle}`, { headers: storeHeaders })
      expect(page.product.variants.map((v: any) => v.title).sort()).toEqual(["Hộp 500 g", "Túi 1 kg"])
      const variantId = page.product.variants.find((v: any) => v.title === "Hộp 500 g").id
      const { data: cart } = await api.post("/store/carts", { region_id: regionId }, { headers: storeHeaders })
      const { data: filled } = await api.post(
        `/store/carts/${cart.cart.id}/line-items`,
        { variant_id: variantId, quantity: 2 },
        { headers: storeHeaders }
      )
      expect(filled.cart.items).toHaveLength(1)
      expect(filled.cart.items[0]).toMatchObject({ quantity: 2, unit_price: 120000 })
    })
  },
})
