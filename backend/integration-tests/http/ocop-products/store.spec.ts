import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { demoHandle, demoProducts, isStillValid, seedDemoCatalog, loginAdmin } from "../../fixtures/demo-catalog"
import { productDetail, storeOcopProduct } from "@ocop/contracts"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let adminHeaders: Record<string, string>

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      headers = { "x-publishable-api-key": defaults.publishableKey }
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    const list = (query = "") => api.get(`/store/ocop/products${query}`, { headers })
    const badRequest = async (query: string) => {
      const error = await list(query).catch((e) => e.response)
      expect(error.status).toBe(400)
      return error.data.message as string
    }

    describe("GET /store/ocop/products", () => {
      it("lists every demo product with its certificate, producer and origin", async () => {
        const { data } = await list("?limit=100")
        expect(data.count).toBe(demoProducts.length)
        const yen = data.products.find((p: any) => p.title === "Chè đinh")
        expect(yen).toMatchObject({
          price_from: { amount: 650000, currency_code: "vnd" },
          // The list names no decision date for it: certified 5★, validity not verified (issue 13).
          ocop: { stars: 5, status: "unknown_validity", valid_until: null, certifying_level: "national" },
          producer: { name: "Hợp tác xã chè Hảo Đạt", type: "cooperative", province: { code: "19" } },
        })
        expect(yen.ocop.product_group).toMatchObject({ code: "I.5.a", name: "Chè tươi, chế biến" })
        // One badge signal: the effective status, and nothing a client could weigh against it.
        expect(yen.ocop).not.toHaveProperty("is_valid")
        // Every product of the answer is what the shop's contract (@ocop/contracts) reads, as the shop reads it.
        for (const product of data.products) expect(storeOcopProduct.safeParse(product).error).toBeUndefined()
      })

      it("filters by star tier, counting only valid certificates", async () => {
        const expected = demoProducts.filter((r) => r.stars === 4 && isStillValid(r)).map((r) => r.product_name)
        const { data } = await list("?stars=4&limit=100")
        expect(data.products.map((p: any) => p.title).sort()).toEqual([...expected].sort())
        // Certified: valid, or listed without a decision date (validity not verified); never expired or revoked.
        expect(data.products.every((p: any) => p.ocop.stars === 4 && ["active", "unknown_validity"].includes(p.ocop.status))).toBe(true)
        expect(data.products.some((p: any) => p.ocop.status === "unknown_validity")).toBe(true)
        // Tổ Yến Sào was certified 4★ on 06/04/2021: its certificate ended on 06/04/2024.
        expect(data.products.map((p: any) => p.title)).not.toContain("Tổ Yến Sào")
      })

      it("accepts several tiers at once", async () => {
        const expected = demoProducts.filter((r) => [4, 5].includes(r.stars as number) && isStillValid(r)).length
        const { data } = await list("?stars=4,5&limit=100")
        expect(data.count).toBe(expected)
      })

      it("finds products by an old province name: Bắc Kạn is now Thái Nguyên (19)", async () => {
        const expected = demoProducts.filter((r) => r.province_code_2025 === "19").map((r) => r.product_name)
        for (const name of ["Bắc Kạn", "bac kan", "19", "Tỉnh Thái Nguyên"]) {
          const { data } = await list(`?province=${encodeURIComponent(name)}&limit=100`)
          expect(data.products.map((p: any) => p.title).sort()).toEqual([...expected].sort())
        }
        const { data } = await list(`?province=${encodeURIComponent("Bắc Kạn")}`)
        const vicumax = data.products.find((p: any) => p.title.includes("Vicumax"))
        expect(vicumax.ocop.origin).toMatchObject({
          province_as_listed: "Bắc Kạn",
          province: { code: "19", name: "Tỉnh Thái Nguyên" },
          formerly: "Bắc Kạn",
        })
      })

      it("filters by a QĐ 148 group at any level of the tree", async () => {
        const tea = demoProducts.filter((r) => r.product_group_code.startsWith("I.5.")).length
        const { data } = await list("?group=I.5&limit=100")
        expect(data.count).toBe(tea)
        const { data: leaf } = await list("?group=I.5.a&limit=100")
        expect(leaf.products.every((p: any) => p.ocop.product_group.code === "I.5.a")).toBe(true)
      })

      it("filters by producer and combines filters", async () => {
        const { data: all } = await list("?limit=100")
        const producer = all.products.find((p: any) => p.producer.name === "HTX kinh doanh dịch vụ lâm sản ngoài gỗ Ba Chẽ").producer
        const { data } = await list(`?producer_id=${producer.id}&stars=4&province=Quang%20Ninh`)
        expect(data.products.map((p: any) => p.title)).toEqual(["Rượu ba kích Ba Chẽ"])
      })

      it("paginates and sorts", async () => {
        const { data: page1 } = await list("?limit=5&offset=0&order=title")
        const { data: page2 } = await list("?limit=5&offset=5&order=title")
        expect(page1.products).toHaveLength(5)
        expect(page1.count).toBe(demoProducts.length)
        const titles = [...page1.products, ...page2.products].map((p: any) => p.title)
        expect(new Set(titles).size).toBe(10)
      })

      it("answers bad filters with 400 and the field's name", async () => {
        expect(await badRequest("?stars=7")).toMatch(/^stars: "7"/)
        expect(await badRequest("?stars=2")).toMatch(/stars/)
        expect(await badRequest("?province=Atlantis")).toMatch(/province: unknown province "Atlantis"/)
        expect(await badRequest("?province=99")).toMatch(/province/)
        expect(await badRequest("?group=IX")).toMatch(/group: "IX"/)
        expect(await badRequest("?limit=0")).toMatch(/limit/)
        expect(await badRequest("?order=price")).toMatch(/order/)
        expect(await badRequest("?colour=red")).toMatch(/unknown parameter\(s\): colour/)
      })

      it("requires a publishable key", async () => {
        const error = await api.get("/store/ocop/products").catch((e) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/publishable/i)
      })
    })

    describe("GET /store/ocop/products/:id", () => {
      it("returns the product by handle with certificate history, producer story and origin", async () => {
        const record = demoProducts.find((r) => r.product_name === "Gạo hữu cơ An Lỗ")!
        const { data } = await api.get(`/store/ocop/products/${demoHandle(record)}`, { headers })
        expect(data.product).toMatchObject({
          title: "Gạo hữu cơ An Lỗ",
          ocop: {
            stars: 4,
            decision_number: "2919/QĐ-UBND",
            origin: {
              province_as_listed: "Thừa Thiên Huế",
              district_as_listed: "Phong Điền",
              commune_as_listed: "Phong Hiền",
              province: { code: "46", name: "Thành phố Huế" },
            },
            rating_history: [expect.objectContaining({ kind: "first_rating", stars: 4 })],
          },
          producer: { name: "HTX sản xuất, kinh doanh, dịch vụ nông nghiệp An Lỗ", type: "cooperative" },
        })
        expect(data.product.producer.story_html).toContain("<strong>")
        expect(data.product.certification_history).toHaveLength(1)
        expect(productDetail.safeParse(data.product).error).toBeUndefined()
      })

      it("shows an expired certificate plainly, without a valid badge", async () => {
        const record = demoProducts.find((r) => r.product_name === "Tổ Yến Sào")!
        const { data } = await api.get(`/store/ocop/products/${demoHandle(record)}`, { headers })
        expect(data.product.ocop).toMatchObject({ status: "expired", valid_until: "2024-04-06" })
      })

      it("answers 404 for an unknown product", async () => {
        const error = await api.get("/store/ocop/products/khong-co", { headers }).catch((e) => e.response)
        expect(error.status).toBe(404)
      })
    })

    describe("revocation reaches the shop", () => {
      it("drops a revoked product from its tier and shows the revocation", async () => {
        const { data: before } = await list("?stars=5&limit=100")
        const product = before.products.find((p: any) => p.title === "Cà phê Khe Sanh")
        await api.post(
          `/admin/ocop/certifications/${product.ocop.id}`,
          { status: "revoked", status_reason: "Thu hồi theo quyết định của UBND tỉnh" },
          { headers: adminHeaders }
        )
        const { data: after } = await list("?stars=5&limit=100")
        expect(after.count).toBe(before.count - 1)
        const { data } = await api.get(`/store/ocop/products/${product.id}`, { headers })
        expect(data.product.ocop).toMatchObject({ status: "revoked" })
        expect(data.product.ocop.rating_history.map((e: any) => e.kind)).toEqual(["first_rating", "revocation"])
      })
    })

    describe("GET /store/products (Medusa's own route)", () => {
      it("returns the OCOP links by default and when asked for in fields", async () => {
        const { data } = await api.get("/store/products?limit=100", { headers })
        const product = data.products.find((p: any) => p.title === "Chè đinh")
        expect(product.certifications[0]).toMatchObject({ stars: 5, province_code: "19" })
        expect(product.producer.name).toBe("Hợp tác xã chè Hảo Đạt")
        const { data: one } = await api.get(`/store/products/${product.id}?fields=id,*certifications`, { headers })
        expect(one.product.certifications[0].stars).toBe(5)
      })
    })
  },
})
