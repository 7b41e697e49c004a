import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fileClaim, inviteCurator, listProvinceCertificates } from "../../fixtures/curator"
import { ADMIN, demoProducts, loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { rebuildProductIndex } from "../../fixtures/sample-catalog"
import { failed, loginProducer } from "../../fixtures/producer"
import { waitFor } from "../../fixtures/wait-for"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"
import { todayInVietnam } from "../../../src/modules/ocop/dates"

jest.setTimeout(300_000)

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** What a curator does on its province's register: read, correct, revoke, re-rate, decide claims, watch figures. */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>
    let storeHeaders: Record<string, string>
    let vinhLong: Record<string, string>
    let vinhLongId: string

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      await rebuildProductIndex(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      adminHeaders = await loginAdmin(api)
      vinhLong = await inviteCurator(api, adminHeaders, "ocop@vinhlong.gov.vn", { province_codes: ["86"] })
      vinhLongId = (await api.get("/curator/me", { headers: vinhLong })).data.curator.id
    })

    const certOf = async (province: string, title: string) =>
      (await listProvinceCertificates(getContainer(), province)).find((c) => c.product.title === title && c.status !== "superseded")!

    describe("GET /curator/certificates", () => {
      it("lists the province's register with product, producer and effective status; filters, sorts and pages", async () => {
        const inProvince = demoProducts.filter((r) => r.province_code_2025 === "86")
        const { data } = await api.get("/curator/certificates?limit=100", { headers: vinhLong })
        expect(data.count).toBe(inProvince.length)
        expect(data.certificates.map((c: any) => c.product.title).sort()).toEqual(inProvince.map((r) => r.product_name).sort())
        const cam = data.certificates.find((c: any) => c.product.title === "Cam sành")
        // The demo list states no decision date for these: their validity is unknown until a curator completes it.
        expect(cam).toMatchObject({
          stars: 3,
          valid_until: null,
          product: { title: "Cam sành", handle: expect.any(String) },
          producer: { name: "HTXNN Thông Hòa" },
          origin: { province: { code: "86" } },
        })

        const { data: five } = await api.get("/curator/certificates?stars=5", { headers: vinhLong })
        expect(five.certificates.map((c: any) => c.product.title).sort()).toEqual(
          inProvince
            .filter((r) => r.stars === 5)
            .map((r) => r.product_name)
            .sort()
        )
        const { data: byProducer } = await api.get(`/curator/certificates?q=${encodeURIComponent("dừa sáp Cầu Kè")}`, { headers: vinhLong })
        expect(byProducer.certificates.map((c: any) => c.product.title).sort()).toEqual(["Dừa sáp Bảo Châu", "Dừa sáp sợi VICOSAP"])

        const { data: sorted } = await api.get("/curator/certificates?sort=-stars&limit=100", { headers: vinhLong })
        const stars = sorted.certificates.map((c: any) => c.stars)
        expect(stars).toEqual([...stars].sort((x: number, y: number) => y - x))
        const page1 = (await api.get("/curator/certificates?sort=-stars&limit=2", { headers: vinhLong })).data
        const page2 = (await api.get("/curator/certificates?sort=-stars&limit=2&offset=2", { headers: vinhLong })).data
        expect(page1.count).toBe(inProvince.length)
        expect(page1.certificates).toHaveLength(2)
        expect([...page1.certificates, ...page2.certificates].map((c: any) => c.id)).toEqual(sorted.certificates.slice(0, 4).map((c: any) => c.id))
      })

      it("shows a certificate past its valid-until date as expired, and filters on that", async () => {
        const thanhHoa = await inviteCurator(api, adminHeaders, "ocop@thanhhoa.gov.vn", { province_codes: ["38"] })
        const lapsed = demoProducts.filter(
          (r) => r.province_code_2025 === "38" && r.decision_date && addDays(r.decision_date, 3 * 365 + 1) < todayInVietnam()
        )
        const { data } = await api.get("/curator/certificates?status=expired", { headers: thanhHoa })
        expect(data.certificates.map((c: any) => c.product.title).sort()).toEqual(lapsed.map((r) => r.product_name).sort())
        expect(data.certificates.every((c: any) => c.status === "expired")).toBe(true)
        const { data: unknown } = await api.get("/curator/certificates?status=unknown_validity", { headers: thanhHoa })
        expect(unknown.certificates.map((c: any) => c.product.title)).toEqual(["Nước mắm Lê Gia"])
        const { data: active } = await api.get("/curator/certificates?status=active", { headers: thanhHoa })
        expect(active.certificates).toEqual([])
      })

      it("answers bad filters with 400 naming the field", async () => {
        for (const [query, message] of [
          ["stars=6", /^stars: phải là số 3, 4 hoặc 5/],
          ["sort=title", /^sort: một trong/],
          ["status=valid", /^status:/],
          ["province=Atlantis", /^province: không có tỉnh/],
          ["limit=1000", /^limit: 1–100/],
        ] as const) {
          const response = await failed(api.get(`/curator/certificates?${query}`, { headers: vinhLong }))
          expect([query, response.status]).toEqual([query, 400])
          expect(response.data.message).toMatch(message)
        }
      })
    })

    describe("POST /curator/certificates/:id", () => {
      it("completes a decision: valid-until follows, the history names the curator, buyers never see who", async () => {
        const cert = await certOf("86", "Đường hoa dừa")
        const { data } = await api.post(
          `/curator/certificates/${cert.id}`,
          { decision_number: "45/QĐ-UBND", decision_date: "2024-01-15", certifying_level: "province", note: "Bổ sung theo quyết định gốc" },
          { headers: vinhLong }
        )
        expect(data.certificate).toMatchObject({
          decision_number: "45/QĐ-UBND",
          decision_date: "2024-01-15",
          valid_until: "2027-01-15",
          status: "active",
        })
        const { data: valid } = await api.get("/curator/certificates?status=active", { headers: vinhLong })
        expect(valid.certificates.map((c: any) => c.id)).toEqual([cert.id])
        const last = data.certificate.rating_history.at(-1)
        expect(last).toMatchObject({
          kind: "correction",
          decision_number: "45/QĐ-UBND",
          recorded_by: { type: "curator", id: vinhLongId, email: "ocop@vinhlong.gov.vn" },
        })
        expect(last.note).toMatch(/^Bổ sung theo quyết định gốc — .*decision_number: — → 45\/QĐ-UBND/)
        expect(last.recorded_at).toBeTruthy()

        const { data: store } = await api.get(`/store/ocop/products/${cert.product.handle}`, { headers: storeHeaders })
        expect(store.product.ocop.decision_number).toBe("45/QĐ-UBND")
        expect(JSON.stringify(store)).not.toContain("ocop@vinhlong.gov.vn")
      })

      it("shows the operator's own corrections in the same history, naming the operator", async () => {
        const cert = await certOf("86", "Thủ công mỹ nghệ Thạch Su")
        await api.post(`/admin/ocop/certifications/${cert.id}`, { decision_number: "7/QĐ-UBND" }, { headers: adminHeaders })
        const { data } = await api.get(`/curator/certificates/${cert.id}`, { headers: vinhLong })
        expect(data.certificate.rating_history.at(-1)).toMatchObject({
          kind: "correction",
          decision_number: "7/QĐ-UBND",
          recorded_by: { type: "user", email: ADMIN.email },
        })
      })

      it("refuses a change of stars and impossible dates with 400 and changes nothing", async () => {
        const cert = await certOf("86", "Dừa sáp Bảo Châu")
        const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
        const before = await ocop.retrieveCertification(cert.id)
        for (const [body, message] of [
          [{ stars: 5 }, /^stars: đổi hạng sao là đánh giá lại/],
          [{ decision_date: "2024-02-30" }, /^decision_date: ngày không có thật/],
          [{}, /^body: không có gì để cập nhật/],
          [{ revoke: { decision_number: "1/QĐ" } }, /^revoke\.decision_date:/],
          [
            { revoke: { decision_number: "1/QĐ", decision_date: "2025-01-01", reason: "x" }, valid_until: "2030-01-01" },
            /^revoke: thu hồi không kèm/,
          ],
        ] as const) {
          const response = await failed(api.post(`/curator/certificates/${cert.id}`, body, { headers: vinhLong }))
          expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400])
          expect(response.data.message).toMatch(message)
        }
        expect(await ocop.retrieveCertification(cert.id)).toEqual(before)
        expect(await ocop.listRatingEvents({ certification_id: cert.id })).toHaveLength(1)
      })

      it("revokes: the shop shows no valid badge and the search facet drops the product", async () => {
        const cert = await certOf("86", "Dừa sáp sợi VICOSAP")
        const facet = async () =>
          (await api.get("/store/ocop/search?province=86&limit=1", { headers: storeHeaders })).data.facets.stars.find((f: any) => f.value === 5)
            ?.count ?? 0
        const before = await facet()
        expect(before).toBeGreaterThan(0)

        const { data } = await api.post(
          `/curator/certificates/${cert.id}`,
          { revoke: { decision_number: "12/QĐ-UBND", decision_date: "2026-10-01", reason: "Vi phạm an toàn thực phẩm" } },
          { headers: vinhLong }
        )
        expect(data.certificate).toMatchObject({ status: "revoked", status_reason: "Vi phạm an toàn thực phẩm" })
        expect(data.certificate.rating_history.at(-1)).toMatchObject({
          kind: "revocation",
          decision_number: "12/QĐ-UBND",
          decision_date: "2026-10-01",
          recorded_by: { type: "curator", id: vinhLongId },
        })
        const { data: store } = await api.get(`/store/ocop/products/${cert.product.handle}`, { headers: storeHeaders })
        expect(store.product.ocop).toMatchObject({ status: "revoked" })
        await waitFor(async () => (await facet()) === before - 1, { what: "the 5-star facet without the revoked product" })

        const again = await failed(
          api.post(
            `/curator/certificates/${cert.id}`,
            { revoke: { decision_number: "13/QĐ", decision_date: "2026-10-02", reason: "Khác" } },
            { headers: vinhLong }
          )
        )
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/^revoke: chứng nhận đã bị thu hồi/)
      })

      it("re-rates a product: a new certificate supersedes the old one, the history says upgrade and who", async () => {
        const old = await certOf("86", "Cam sành")
        const { data } = await api.post(
          `/curator/products/${old.product.id}/certifications`,
          { stars: 4, decision_number: "88/QĐ-UBND", decision_date: "2026-09-01" },
          { headers: vinhLong }
        )
        expect(data.certificate).toMatchObject({ stars: 4, status: "active", valid_until: "2029-09-01", product: { id: old.product.id } })
        expect(data.certificate.rating_history).toEqual([
          expect.objectContaining({ kind: "upgrade", stars: 4, previous_stars: 3, recorded_by: expect.objectContaining({ id: vinhLongId }) }),
        ])
        const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
        expect((await ocop.retrieveCertification(old.id)).status).toBe("superseded")
        // The product group and the list's wording of the origin carry over.
        expect(data.certificate.product_group.code).toBe("I.1.a")
        const { data: superseded } = await api.get("/curator/certificates?status=superseded", { headers: vinhLong })
        expect(superseded.certificates.map((c: any) => c.id)).toEqual([old.id])
        const { data: store } = await api.get(`/store/ocop/products/${old.product.handle}`, { headers: storeHeaders })
        expect(store.product.ocop).toMatchObject({ stars: 4, status: "active" })
        const { data: detail } = await api.get(`/curator/products/${old.product.id}`, { headers: vinhLong })
        expect(detail.current_certification_id).toBe(data.certificate.id)
        expect(detail.certifications.map((c: any) => [c.id, c.status])).toEqual([
          [data.certificate.id, "active"],
          [old.id, "superseded"],
        ])

        const outside = await failed(
          api.post(
            `/curator/products/${old.product.id}/certifications`,
            { stars: 5, decision_number: "1/QĐ", decision_date: "2026-09-02", province: "01" },
            { headers: vinhLong }
          )
        )
        expect(outside.status).toBe(400)
        expect(outside.data.message).toMatch(/^province: ngoài địa bàn/)
        expect((await ocop.retrieveCertification(data.certificate.id)).status).toBe("active")
      })
    })

    describe("claims", () => {
      it("lists the province's pending claims; approves one (the member manages the producer) and rejects another", async () => {
        const [first, second] = [await certOf("86", "Thủ công mỹ nghệ Thạch Su"), await certOf("86", "Đường hoa dừa")]
        const approveId = await fileClaim(api, "thach.su@example.vn", first.product.producer.id)
        const rejectId = await fileClaim(api, "gia.mao@example.vn", second.product.producer.id)
        const elsewhere = await fileClaim(api, "quang.ninh@example.vn", (await listProvinceCertificates(getContainer(), "22"))[0].product.producer.id)

        const { data } = await api.get("/curator/claims?status=pending", { headers: vinhLong })
        expect(data.claims.map((c: any) => c.id).sort()).toEqual([approveId, rejectId].sort())
        expect(data.claims.find((c: any) => c.id === approveId)).toMatchObject({
          member: { email: "thach.su@example.vn" },
          producer: { id: first.product.producer.id, province_code: "86" },
        })

        const { data: approved } = await api.post(`/curator/claims/${approveId}/approve`, {}, { headers: vinhLong })
        expect(approved.member).toMatchObject({ producer_id: first.product.producer.id, role: "owner" })
        const { data: me } = await api.get("/producer/me", { headers: await loginProducer(api, "thach.su@example.vn") })
        expect(me.producer.id).toBe(first.product.producer.id)

        const { data: rejected } = await api.post(`/curator/claims/${rejectId}/reject`, {}, { headers: vinhLong })
        expect(rejected.claim.status).toBe("rejected")
        const twice = await failed(api.post(`/curator/claims/${approveId}/approve`, {}, { headers: vinhLong }))
        expect(twice.status).toBe(400)
        expect(twice.data.message).toMatch(/^claim: already approved/)

        const { data: pending } = await api.get("/curator/claims", { headers: vinhLong })
        expect(pending.claims).toEqual([])
        const { data: decided } = await api.get("/curator/claims?status=approved", { headers: vinhLong })
        expect(decided.claims.map((c: any) => c.id)).toEqual([approveId])
        const { data: admin } = await api.get("/admin/producer-claims?status=pending", { headers: adminHeaders })
        expect(admin.claims.map((c: any) => c.id)).toEqual([elsewhere])
      })
    })

    describe("GET /curator/dashboard", () => {
      it("counts products by stars, sector and producer type and certificates by validity for the curator's provinces", async () => {
        // Nghệ An (40) and Lâm Đồng (68): six 4-star products with no decision date; four are given known dates.
        const curator = await inviteCurator(api, adminHeaders, "ocop@nghean-lamdong.gov.vn", { province_codes: ["40", "68"] })
        const certs = [...(await listProvinceCertificates(getContainer(), "40")), ...(await listProvinceCertificates(getContainer(), "68"))]
        expect(certs).toHaveLength(6)
        const today = todayInVietnam()
        const [soon, later, lapsed, revoked] = certs
        const post = (id: string, body: unknown) => api.post(`/curator/certificates/${id}`, body, { headers: curator })
        await post(soon.id, { decision_number: "1/QĐ", decision_date: "2023-12-01", valid_until: addDays(today, 20) })
        await post(later.id, { decision_number: "2/QĐ", decision_date: "2023-12-01", valid_until: addDays(today, 60) })
        await post(lapsed.id, { decision_number: "3/QĐ", decision_date: "2022-01-01", valid_until: addDays(today, -1) })
        await post(revoked.id, { revoke: { decision_number: "4/QĐ", decision_date: today, reason: "Ngừng sản xuất" } })
        await fileClaim(api, "nghe.an@example.vn", certs[5].product.producer.id)

        const valid = certs.filter((c) => c !== lapsed && c !== revoked)
        const records = valid.map((c) => demoProducts.find((r) => r.product_name === c.product.title)!)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: producers } = await query.graph({
          entity: "producer",
          fields: ["id", "type"],
          filters: { id: valid.map((c) => c.product.producer.id) },
        })
        const typeOf = (c: (typeof valid)[number]) => producers.find((p: any) => p.id === c.product.producer.id)!.type

        const { data } = await api.get("/curator/dashboard", { headers: curator })
        const d = data.dashboard
        expect(d.province_codes).toEqual(["40", "68"])
        expect(d.products).toMatchObject({ total: 6, certified: 4, by_stars: { 3: 0, 4: 4, 5: 0 } })
        for (const sector of ["I", "IV"]) {
          const expected = records.filter((r) => r.product_group_code.split(".")[0] === sector).length
          expect([sector, d.products.by_sector.find((s: any) => s.code === sector).products]).toEqual([sector, expected])
        }
        expect(d.products.by_sector.reduce((sum: number, s: any) => sum + s.products, 0)).toBe(4)
        for (const type of new Set(valid.map(typeOf))) {
          const expected = valid.filter((c) => typeOf(c) === type).length
          expect([type, d.products.by_producer_type.find((t: any) => t.type === type).products]).toEqual([type, expected])
        }
        expect(d.certificates).toMatchObject({
          expiring_within_30_days: 1,
          expiring_within_90_days: 2,
          expired: 1,
          revoked: 1,
          unknown_validity: 2,
        })
        expect(d.pending_claims).toBe(1)
      })
    })
  },
})
