import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { demoHandle, demoProducts, loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"
import { expireCertificationsWorkflow } from "../../../src/workflows/ocop/expire-certifications"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeHeaders: Record<string, string>

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
    })

    beforeEach(async () => {
      headers = await loginAdmin(api)
    })

    const productByName = async (name: string) => {
      const record = demoProducts.find((r) => r.product_name === name)!
      const { data } = await api.get(`/store/ocop/products/${demoHandle(record)}`, { headers: storeHeaders })
      return data.product
    }
    const fail = (promise: Promise<unknown>) =>
      promise.then(
        () => ({ status: 200, data: {} as any }),
        (e) => e.response
      )

    it("refuses anonymous calls", async () => {
      const error = await fail(api.get("/admin/ocop/certifications"))
      expect(error.status).toBe(401)
    })

    describe("GET /admin/products/:id/ocop", () => {
      it("shows the certificates with their history and the producer", async () => {
        const product = await productByName("Chè đinh")
        const { data } = await api.get(`/admin/products/${product.id}/ocop`, { headers })
        expect(data.current_certification_id).toBe(product.ocop.id)
        expect(data.certifications).toHaveLength(1)
        expect(data.certifications[0].rating_history[0].kind).toBe("first_rating")
        expect(data.producer.name).toBe("Hợp tác xã chè Hảo Đạt")
      })
    })

    describe("POST /admin/products/:id/ocop/certifications", () => {
      it("upgrades a product: the new certificate supersedes the old one and history says upgrade", async () => {
        const product = await productByName("Trà lài Cầu Đất")
        const { data } = await api.post(
          `/admin/products/${product.id}/ocop/certifications`,
          { stars: 5, decision_number: "123/QĐ-BNNMT", decision_date: "2025-10-01", province: "Lâm Đồng" },
          { headers }
        )
        expect(data.certification).toMatchObject({
          stars: 5,
          valid_until: "2028-10-01",
          certifying_level: "national",
          status: "active",
        })
        const { data: detail } = await api.get(`/admin/products/${product.id}/ocop`, { headers })
        expect(detail.certifications.map((c: any) => c.status)).toEqual(["active", "superseded"])
        expect(detail.certifications[0].rating_history[0]).toMatchObject({ kind: "upgrade", stars: 5, previous_stars: 4 })
        const shop = await productByName("Trà lài Cầu Đất")
        expect(shop.ocop.stars).toBe(5)
      })

      it("answers bad input with 400 naming the field, and writes nothing", async () => {
        const product = await productByName("Cam sành")
        const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
        const before = await ocop.listCertifications()
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ stars: 2, province: "Trà Vinh" }, /stars/],
          [{ stars: 6, province: "Trà Vinh" }, /stars/],
          [{ stars: 4, province: "Atlantis" }, /province/],
          [{ stars: 4, province: "86", decision_date: "2023-02-31" }, /decision_date/],
          [{ stars: 4, province: "86", product_group_code: "X.1" }, /product_group_code/],
          [{ stars: 4 }, /province/],
        ]
        for (const [body, message] of cases) {
          const error = await fail(api.post(`/admin/products/${product.id}/ocop/certifications`, body, { headers }))
          expect(error.status).toBe(400)
          expect(error.data.message).toMatch(message)
        }
        expect(await ocop.listCertifications()).toHaveLength(before.length)
      })

      it("answers 404 for an unknown product and leaves no certificate behind", async () => {
        const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
        const before = await ocop.listCertifications()
        const error = await fail(api.post(`/admin/products/prod_missing/ocop/certifications`, { stars: 4, province: "19" }, { headers }))
        expect(error.status).toBe(404)
        expect(await ocop.listCertifications()).toHaveLength(before.length)
      })
    })

    describe("POST /admin/ocop/certifications/:id", () => {
      it("corrects a decision: valid-until follows the new date and a star change is logged", async () => {
        const product = await productByName("Bơ LĐ 034 Bình Minh")
        const { data } = await api.post(
          `/admin/ocop/certifications/${product.ocop.id}`,
          { decision_number: "45/QĐ-UBND", decision_date: "2024-01-15", stars: 3 },
          { headers }
        )
        expect(data.certification).toMatchObject({ decision_number: "45/QĐ-UBND", valid_until: "2027-01-15", stars: 3 })
        const { data: detail } = await api.get(`/admin/products/${product.id}/ocop`, { headers })
        expect(detail.certifications[0].rating_history.map((e: any) => e.kind)).toEqual(["first_rating", "correction"])
      })

      it("refuses to bring a revoked certificate back, and undoes the rest of that request", async () => {
        const product = await productByName("Vang nho 39")
        const id = product.ocop.id
        await api.post(`/admin/ocop/certifications/${id}`, { status: "revoked", status_reason: "Thu hồi" }, { headers })
        const error = await fail(api.post(`/admin/ocop/certifications/${id}`, { stars: 5, status: "active" }, { headers }))
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/revoked certification cannot become active/)
        const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
        const cert = await ocop.retrieveCertification(id)
        expect(cert).toMatchObject({ status: "revoked", stars: 3 })
        const events = await ocop.listRatingEvents({ certification_id: id })
        expect(events.map((e) => e.kind).sort()).toEqual(["first_rating", "revocation"])
      })

      it("answers an empty body and a bad status with 400", async () => {
        const product = await productByName("Cam sành")
        for (const body of [{}, { status: "lost" }, { valid_until: "tomorrow" }]) {
          const error = await fail(api.post(`/admin/ocop/certifications/${product.ocop.id}`, body, { headers }))
          expect(error.status).toBe(400)
        }
      })

      it("answers 404 for an unknown certification", async () => {
        const error = await fail(api.post(`/admin/ocop/certifications/ocert_missing`, { stars: 4 }, { headers }))
        expect(error.status).toBe(404)
      })
    })

    describe("nightly expiry sweep", () => {
      it("expires exactly the certificates past their valid-until date and logs it", async () => {
        const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
        const { result } = await expireCertificationsWorkflow(getContainer()).run({ input: { today: "2025-01-01" } })
        const lapsed = demoProducts.filter((r) => r.decision_date && r.decision_date < "2022-01-01")
        expect(result).toHaveLength(lapsed.length)
        const expired = await ocop.listCertifications({ status: "expired" }, { relations: ["rating_events"] })
        expect(expired.map((c) => c.decision_number).sort()).toEqual(lapsed.map((r) => r.decision_number).sort())
        expect(expired.every((c) => c.rating_events.some((e) => e.kind === "expiry"))).toBe(true)
        const again = await expireCertificationsWorkflow(getContainer()).run({ input: { today: "2025-01-01" } })
        expect(again.result).toHaveLength(0)
      })
    })

    describe("GET /admin/ocop/certifications", () => {
      it("lists certificates by status and province", async () => {
        const { data } = await api.get("/admin/ocop/certifications?province=Quảng Ninh&limit=100", { headers })
        expect(data.count).toBe(demoProducts.filter((r) => r.province_code_2025 === "22").length)
        expect(data.certifications.every((c: any) => c.origin.province.code === "22")).toBe(true)
      })
    })

    describe("POST /admin/products/:id/ocop/producer", () => {
      it("moves a product to another producer, matched by name and province", async () => {
        const product = await productByName("Cam sành")
        const { data } = await api.post(
          `/admin/products/${product.id}/ocop/producer`,
          { name: "htx nông nghiệp thông hòa", province: "Vĩnh Long", women_led: true },
          { headers }
        )
        expect(data.producer.name).toBe("htx nông nghiệp thông hòa")
        const again = await api.post(
          `/admin/products/${product.id}/ocop/producer`,
          { name: "HTX Nông nghiệp Thông Hòa", province: "Trà Vinh" },
          { headers }
        )
        expect(again.data.producer.id).toBe(data.producer.id)
        const shop = await productByName("Cam sành")
        expect(shop.producer.id).toBe(data.producer.id)
      })

      it("rejects a bad e-mail with the field named", async () => {
        const product = await productByName("Cam sành")
        const error = await fail(api.post(`/admin/products/${product.id}/ocop/producer`, { name: "HTX A", province: "86", email: "x" }, { headers }))
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/email/)
      })
    })
  },
})
