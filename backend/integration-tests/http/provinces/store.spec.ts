import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { demoProducts, isStillValid, seedDemoCatalog } from "../../fixtures/demo-catalog"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      headers = { "x-publishable-api-key": defaults.publishableKey }
    })

    describe("GET /store/provinces", () => {
      it("lists the 34 provinces with the pre-2025 provinces they absorbed", async () => {
        const { data } = await api.get("/store/provinces", { headers })
        expect(data.provinces).toHaveLength(34)
        const thaiNguyen = data.provinces.find((p: any) => p.code === "19")
        expect(thaiNguyen).toMatchObject({ name: "Tỉnh Thái Nguyên", short_name: "Thái Nguyên" })
        expect(thaiNguyen.former_provinces).toEqual(expect.arrayContaining(["Tỉnh Bắc Kạn", "Tỉnh Thái Nguyên"]))
      })

      it("counts products per province and per star tier, stars only for valid certificates", async () => {
        const { data } = await api.get("/store/provinces", { headers })
        for (const province of data.provinces) {
          const records = demoProducts.filter((r) => r.province_code_2025 === province.code)
          const valid = records.filter((r) => isStillValid(r))
          expect(province.product_count).toBe(records.length)
          expect(province.certified_count).toBe(valid.length)
          for (const stars of [3, 4, 5]) {
            expect(province.product_count_by_stars[stars]).toBe(valid.filter((r) => r.stars === stars).length)
          }
        }
        // Thanh Hóa has two demo products; the 2021 and 2019 certificates have both run out.
        const thanhHoa = data.provinces.find((p: any) => p.code === "38")
        expect(thanhHoa.product_count).toBeGreaterThan(thanhHoa.certified_count)
      })
    })

    describe("GET /store/provinces/:code/communes", () => {
      it("lists the communes of a province and 404s for an unknown code", async () => {
        const { data } = await api.get("/store/provinces/19/communes", { headers })
        expect(data.communes.map((c: any) => c.name)).toContain("Xã Hợp Thành")
        const error = await api.get("/store/provinces/99/communes", { headers }).catch((e) => e.response)
        expect(error.status).toBe(404)
        expect(error.data.message).toMatch(/province/)
      })
    })

    describe("GET /store/certifications/:id", () => {
      it("shows what a QR code on the package verifies", async () => {
        const { data: list } = await api.get("/store/ocop/products?q=Trà tôm nõn", { headers })
        const certId = list.products[0].ocop.id
        const { data } = await api.get(`/store/certifications/${certId}`, { headers })
        expect(data.certification).toMatchObject({
          id: certId,
          stars: 5,
          decision_number: "2361/QĐ-BNNMT",
          decision_date: "2025-06-26",
          valid_until: "2028-06-26",
          status: "active",
          certifying_level: "national",
          product: { title: "Trà tôm nõn hương quê" },
          producer: { name: "Hợp tác xã Nông sản Phú Lương" },
          origin: { commune: { name: "Xã Hợp Thành" }, province: { code: "19" } },
        })
      })

      it("answers 404 with the id for an unknown certification", async () => {
        const error = await api.get("/store/certifications/ocert_unknown", { headers }).catch((e) => e.response)
        expect(error.status).toBe(404)
        expect(error.data.message).toContain("ocert_unknown")
      })
    })

    describe("GET /store/product-groups", () => {
      it("returns the QĐ 148 tree", async () => {
        const { data } = await api.get("/store/product-groups", { headers })
        expect(data.product_groups.filter((g: any) => g.level === "sector")).toHaveLength(6)
        expect(data.product_groups).toContainEqual(
          expect.objectContaining({ code: "IV.1", name: "Thủ công mỹ nghệ gia dụng, trang trí", parent_code: "IV" })
        )
      })
    })
  },
})
