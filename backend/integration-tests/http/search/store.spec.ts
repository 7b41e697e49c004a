import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import { getProvince } from "@ocop/domain/places"
import { demoProducts, isStillValid, loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { rebuildProductIndex } from "../../fixtures/sample-catalog"
import { waitFor } from "../../fixtures/wait-for"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import { runCertificationImport } from "../../../src/lib/run-certification-import"
import { expireCertificationsWorkflow } from "../../../src/workflows/ocop/expire-certifications"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let adminHeaders: Record<string, string>

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      await rebuildProductIndex(getContainer())
      headers = { "x-publishable-api-key": defaults.publishableKey }
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    const search = async (query: string) => (await api.get(`/store/ocop/search${query}`, { headers })).data
    const titles = (result: any) => result.hits.map((h: any) => h.title)
    const hitOf = async (title: string) => (await search(`?q=${encodeURIComponent(title)}&limit=5`)).hits.find((h: any) => h.title === title)

    describe("GET /store/ocop/search", () => {
      it("finds products typed without diacritics, with card data ready to render", async () => {
        const result = await search("?q=che%20thai%20nguyen")
        expect(titles(result)).toContain("Chè đinh")
        const hit = result.hits.find((h: any) => h.title === "Chè đinh")
        expect(hit).toMatchObject({
          price: { amount: 650000, currency_code: "vnd" },
          stars: 5,
          province: { code: "19", name: "Tỉnh Thái Nguyên" },
          producer: { name: "Hợp tác xã chè Hảo Đạt", type: "cooperative" },
          in_stock: true,
        })
      })

      it("ranks exact diacritics above accent-folded look-alikes", async () => {
        const result = await search(`?q=${encodeURIComponent("mật ong")}`)
        const first = titles(result).slice(0, 2)
        expect(first.every((t: string) => t.toLowerCase().includes("mật ong"))).toBe(true)
      })

      it("counts facets over the whole result and only valid certificates in the stars facet", async () => {
        const result = await search("?limit=1")
        const valid = demoProducts.filter((r) => isStillValid(r))
        // Expired listings stay reachable by address but are not promoted in search (issue 14).
        expect(valid.length).toBeLessThan(demoProducts.length)
        expect(result.count).toBe(valid.length)
        for (const stars of [3, 4, 5]) {
          const facet = result.facets.stars.find((f: any) => f.value === stars)
          expect(facet?.count ?? 0).toBe(valid.filter((r) => r.stars === stars).length)
        }
        const vinhLong = result.facets.province.find((f: any) => f.code === "86")
        expect(vinhLong).toMatchObject({ name: "Tỉnh Vĩnh Long", count: valid.filter((r) => r.province_code_2025 === "86").length })
        expect(result.facets.group.find((f: any) => f.code === "I")).toBeTruthy()
        // The 2,500,000 ₫ demo product has an expired certificate: out of search, out of the price range.
        expect(result.facets.price).toEqual({ min: 12000, max: 650000 })
      })

      it("filters by stars, old province name, group, producer type, stock and price, and sorts", async () => {
        const result = await search(`?stars=5&province=${encodeURIComponent("Bắc Kạn")}&sort=price&limit=50`)
        const expected = demoProducts.filter((r) => r.stars === 5 && r.province_code_2025 === "19" && isStillValid(r))
        expect(result.count).toBe(expected.length)
        const prices = result.hits.map((h: any) => h.price.amount)
        expect(prices).toEqual([...prices].sort((a, b) => a - b))
        const tea = await search("?group=I.5&producer_type=cooperative&in_stock=true&price_max=300000&limit=50")
        expect(tea.hits.length).toBeGreaterThan(0)
        expect(tea.hits.every((h: any) => h.producer.type === "cooperative" && h.price.amount <= 300000)).toBe(true)
        // Disjunctive facets: the stars facet still shows the other tiers while stars=5 is applied.
        expect(result.facets.stars.length).toBeGreaterThan(0)
      })

      it("suggests up to 8 products while typing", async () => {
        const { data } = await api.get(`/store/ocop/search/suggest?q=${encodeURIComponent("mat o")}`, { headers })
        expect(data.suggestions.length).toBeGreaterThan(0)
        expect(data.suggestions.length).toBeLessThanOrEqual(8)
        expect(data.suggestions[0].title).toMatch(/Mật ong/)
      })

      it("answers bad parameters with 400 naming the field", async () => {
        for (const [query, field] of [
          ["?stars=9", /^stars/],
          ["?province=Atlantis", /^province/],
          ["?sort=cheapest", /^sort/],
          ["?in_stock=maybe", /^in_stock/],
          ["?price_min=-5", /^price_min/],
          ["?limit=1000", /^limit/],
        ] as const) {
          const error = await api.get(`/store/ocop/search${query}`, { headers }).catch((e) => e.response)
          expect(error.status).toBe(400)
          expect(error.data.message).toMatch(field)
        }
        const suggest = await api.get("/store/ocop/search/suggest?q=", { headers }).catch((e) => e.response)
        expect(suggest.status).toBe(400)
      })
    })

    describe("the index follows every kind of change", () => {
      it("a price change", async () => {
        const hit = await hitOf("Cà phê Khe Sanh")
        const { data } = await api.get(`/admin/products/${hit.id}?fields=variants.id`, { headers: adminHeaders })
        await api.post(
          `/admin/products/${hit.id}/variants/${data.product.variants[0].id}`,
          { prices: [{ amount: 175000, currency_code: "vnd" }] },
          { headers: adminHeaders }
        )
        await waitFor(async () => (await hitOf("Cà phê Khe Sanh"))?.price?.amount === 175000, { what: "new price in search" })
      })

      it("a revoked certificate: no stars, out of the tier filter", async () => {
        const hit = await hitOf("Trà lài Cầu Đất")
        const { data } = await api.get(`/store/ocop/products/${hit.id}`, { headers })
        await api.post(`/admin/ocop/certifications/${data.product.ocop.id}`, { status: "revoked" }, { headers: adminHeaders })
        // Revoked: out of search (and of the tier filter), still reachable by its address and marked revoked.
        await waitFor(async () => !(await hitOf("Trà lài Cầu Đất")), { what: "revocation in search" })
        expect(titles(await search("?stars=4&limit=100"))).not.toContain("Trà lài Cầu Đất")
        const { data: after } = await api.get(`/store/ocop/products/${hit.id}`, { headers })
        expect(after.product.ocop.status).toBe("revoked")
      })

      it("a re-rating through the admin", async () => {
        const hit = await hitOf("Cam sành")
        await api.post(
          `/admin/products/${hit.id}/ocop/certifications`,
          { stars: 4, province: "Vĩnh Long", decision_date: "2025-09-01" },
          { headers: adminHeaders }
        )
        await waitFor(async () => (await hitOf("Cam sành"))?.stars === 4, { what: "new stars in search" })
      })

      it("a renamed producer", async () => {
        const producers = getContainer().resolve(PRODUCER_MODULE) as any
        const [vang] = await producers.listProducers({ name: "Cơ sở sản xuất rượu mật nho 39" })
        await producers.updateProducers({ id: vang.id, name: "Cơ sở rượu vang Phan Rang" })
        await waitFor(async () => (await search("?q=phan%20rang")).hits.some((h: any) => h.title === "Vang nho 39"), {
          what: "renamed producer in search",
        })
      })

      it("the nightly expiry sweep", async () => {
        expect((await hitOf("Trà tôm nõn hương quê")).stars).toBe(5)
        // Run the sweep as it would run on the day after the certificate's 36 months (26/06/2028).
        await expireCertificationsWorkflow(getContainer()).run({ input: { today: "2028-06-27" } })
        const id = (await hitOf("Trà tôm nõn hương quê")).id
        // Expired: no longer promoted in search, still reachable by its address and marked expired.
        await waitFor(async () => !(await hitOf("Trà tôm nõn hương quê")), { what: "expired certificate out of search" })
        const { data } = await api.get(`/store/ocop/products/${id}`, { headers })
        expect(data.product.ocop.status).toBe("expired")
      })

      it("unpublishing and publishing", async () => {
        const hit = await hitOf("Vang nho 39")
        await api.post(`/admin/products/${hit.id}`, { status: "draft" }, { headers: adminHeaders })
        await waitFor(async () => !(await hitOf("Vang nho 39")), { what: "unpublished product to leave results" })
        await api.post(`/admin/products/${hit.id}`, { status: "published" }, { headers: adminHeaders })
        await waitFor(async () => Boolean(await hitOf("Vang nho 39")), { what: "published product to come back" })
      })

      it("an import: its products are published and searchable at once (showcase listings)", async () => {
        const before = (await search("?limit=1")).count
        const rows = demoProducts.slice(0, 3).map((r, i) => ({
          product_name: `${r.product_name} (lô ${i})`,
          producer_name: r.producer_name,
          stars: r.stars,
          potential_five_star: false,
          score: null,
          province_as_listed: r.province_as_listed,
          district_as_listed: r.district_as_listed,
          commune_as_listed: r.commune_as_listed,
          province_code_2025: r.province_code_2025,
          province_name_2025: getProvince(r.province_code_2025)!.name,
          decision_number: "9/QĐ-UBND",
          decision_date: "2025-08-01",
          source_row: i + 1,
          producer_type: null,
          commune_code_2025: null,
          product_group_code: r.product_group_code,
          valid_until: "2028-08-01",
          address_as_listed: null,
        }))
        const summary = await runCertificationImport(getContainer(), rows, { source: "lo.csv" })
        expect(summary.errors).toEqual([])
        const products = getContainer().resolve(Modules.PRODUCT)
        const [, published] = await products.listAndCountProducts({ status: "published" }, { take: 1 })
        expect(published).toBe(demoProducts.length + 3)
        await waitFor(async () => (await search("?limit=1")).count === before + 3, { what: "three imported listings in search" })
        const showcase = await search(`?q=${encodeURIComponent("lô 0")}&buyable=false&limit=10`)
        expect(showcase.hits.find((h: any) => h.title.endsWith("(lô 0)"))).toMatchObject({ buyable: false, price: null })
      })
    })
  },
})
