import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import { parseCertificationBuffer } from "@ocop/seed"
import { ADMIN, loginAdmin } from "../../fixtures/demo-catalog"
import { rebuildProductIndex } from "../../fixtures/sample-catalog"
import { ensureAdminUser } from "../../../src/scripts/lib/ensure-admin-user"
import { ensureStoreDefaults } from "../../../src/scripts/lib/ensure-store-defaults"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"

jest.setTimeout(300_000)

/**
 * Issue 13: a list naming one product twice with different ratings is its rating history (two events, the later
 * decision current); a certificate listed without a decision date is certified with its validity not verified,
 * never "still valid"; names differing only by punctuation are two listings, none folded away.
 */
const LIST = [
  "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định",
  // Two years' lists pasted together: the 2025 upgrade comes first in the file, the 2022 rating after it.
  "1,Mật ong bạc hà (nâng hạng),HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,4,1500/QĐ-UBND,12/08/2025",
  "2,Mật ong bạc hà,HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,3,820/QĐ-UBND,05/06/2022",
  "3,Dừa sáp sợi VICOSAP,Công ty TNHH Dừa sáp Cầu Kè,Thạnh Phú,Cầu Kè,Trà Vinh,5,–,",
  "4,Dừa sáp sợi (VICOSAP),Công ty TNHH Dừa sáp Cầu Kè,Thạnh Phú,Cầu Kè,Trà Vinh,5,x,-",
  "",
].join("\n")

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>
    let storeHeaders: Record<string, string>
    let imported: Record<string, number>

    beforeAll(async () => {
      const defaults = await ensureStoreDefaults(getContainer())
      await ensureAdminUser(getContainer(), ADMIN.email, ADMIN.password)
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      adminHeaders = await loginAdmin(api)
      const form = new FormData()
      form.append("file", new Blob([Buffer.from(LIST, "utf8")]), "hai-nam.csv")
      imported = (await api.post("/admin/ocop/imports/file", form, { headers: adminHeaders })).data
      // Imported products are published at once (showcase listings); any draft left here is published too.
      const products = getContainer().resolve(Modules.PRODUCT)
      const drafts = await products.listProducts({ status: "draft" }, { select: ["id"] })
      await products.updateProducts({ id: drafts.map((p) => p.id) }, { status: "published" })
      await rebuildProductIndex(getContainer())
    })

    it("accounts for every row: three listings created, the second rating applied, nothing folded", () => {
      expect(imported).toMatchObject({ read: 4, created: 3, updated: 1, unchanged: 0, rejected: 0 })
      // No row vanishes: every row read is created, applied, unchanged or rejected with a reason.
      expect(imported.created + imported.updated + imported.unchanged + imported.rejected).toBe(imported.read)
    })

    it("keeps both ratings as history, the later decision current, with the list's note", async () => {
      const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
      const certs = await ocop.listCertifications(
        { decision_number: ["820/QĐ-UBND", "1500/QĐ-UBND"] },
        { relations: ["rating_events"], order: { created_at: "ASC" } }
      )
      expect(certs.map((c) => [c.decision_number, c.stars, c.status])).toEqual([
        ["820/QĐ-UBND", 3, "superseded"],
        ["1500/QĐ-UBND", 4, "active"],
      ])
      expect(certs[1].rating_events[0]).toMatchObject({ kind: "upgrade", previous_stars: 3, stars: 4, note: "nâng hạng" })

      const { data: list } = await api.get(`/store/ocop/products?q=${encodeURIComponent("Mật ong bạc hà")}`, { headers: storeHeaders })
      expect(list.products).toHaveLength(1)
      const { data } = await api.get(`/store/ocop/products/${list.products[0].id}`, { headers: storeHeaders })
      expect(data.product.ocop).toMatchObject({ stars: 4, decision_number: "1500/QĐ-UBND", status: "active" })
      const history = data.product.certification_history.flatMap((c: any) => c.rating_history.map((e: any) => [e.kind, e.stars]))
      expect(history.sort()).toEqual([
        ["first_rating", 3],
        ["upgrade", 4],
      ])
    })

    it("shows a certificate without a decision date as of unknown validity, in the API and in the search facet", async () => {
      const { data } = await api.get(`/store/ocop/products?q=${encodeURIComponent("Dừa sáp sợi")}`, { headers: storeHeaders })
      expect(data.products.map((p: any) => p.title).sort()).toEqual(["Dừa sáp sợi (VICOSAP)", "Dừa sáp sợi VICOSAP"])
      for (const product of data.products) {
        expect(product.ocop).toMatchObject({ stars: 5, decision_date: null, valid_until: null, status: "unknown_validity" })
      }
      const { data: search } = await api.get("/store/ocop/search?limit=10", { headers: storeHeaders })
      expect(search.facets.certification_status).toEqual(
        expect.arrayContaining([
          { value: "unknown_validity", count: 2 },
          { value: "active", count: 1 },
        ])
      )
      const vicosap = search.hits.filter((h: any) => h.title.startsWith("Dừa sáp sợi"))
      expect(vicosap.map((h: any) => [h.certification_status, h.stars])).toEqual([
        ["unknown_validity", 5],
        ["unknown_validity", 5],
      ])
    })

    it("re-rates within one JSON request in decision order, rejects a repeated row as duplicate_row, and is idempotent", async () => {
      // The 2025 re-evaluation first in the list, the 2021 rating after it; a third row repeats the 2021 one.
      const csv = [
        "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định",
        "1,Chè Shan tuyết (đánh giá lại),HTX Chè Lũng Phìn,Mèo Vạc,Mèo Vạc,Hà Giang,5,2200/QĐ-UBND,01/03/2025",
        "2,Chè Shan tuyết,HTX Chè Lũng Phìn,Mèo Vạc,Mèo Vạc,Hà Giang,4,410/QĐ-UBND,15/04/2021",
        "",
      ].join("\n")
      const { records } = await parseCertificationBuffer(Buffer.from(csv, "utf8"), "che.csv")
      expect(records).toHaveLength(2)
      const body = { records: [...records, { ...records[1], source_row: 3 }], file_name: "che.json" }

      const { data: first } = await api.post("/admin/ocop/imports", body, { headers: adminHeaders })
      expect(first).toMatchObject({ read: 3, created: 1, updated: 1, unchanged: 0, rejected: 1 })
      expect(first.errors).toEqual([expect.objectContaining({ source_row: 3, column: "product_name", code: "duplicate_row" })])
      expect(first.errors[0].message).toMatch(/^product_name: /)

      const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
      const certs = await ocop.listCertifications(
        { decision_number: ["410/QĐ-UBND", "2200/QĐ-UBND"] },
        { relations: ["rating_events"], order: { created_at: "ASC" } }
      )
      expect(certs.map((c) => [c.decision_number, c.stars, c.status])).toEqual([
        ["410/QĐ-UBND", 4, "superseded"],
        ["2200/QĐ-UBND", 5, "active"],
      ])
      expect(certs[0].rating_events.map((e) => [e.kind, e.stars])).toEqual([["first_rating", 4]])
      expect(certs[1].rating_events[0]).toMatchObject({ kind: "upgrade", previous_stars: 4, stars: 5, note: "đánh giá lại" })

      const { data: again } = await api.post("/admin/ocop/imports", body, { headers: adminHeaders })
      expect(again).toMatchObject({ read: 3, created: 0, updated: 0, unchanged: 2, rejected: 1 })
      expect(await ocop.listCertifications({ decision_number: ["410/QĐ-UBND", "2200/QĐ-UBND"] })).toHaveLength(2)
    })
  },
})
