import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import ExcelJS from "exceljs"
import { inviteCurator, listProvinceCertificates } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import type ProducerModuleService from "../../../src/modules/producer/service"

jest.setTimeout(300_000)

// Trà Vinh's successor (86) and Quảng Ninh (22) both have several demo products.
const A = "86"
const B = "22"
// The period of the summary: this month only, so only what the test itself decides falls in it.
const PERIOD = "from=2026-11-01&to=2026-11-30"

/** Reads a CSV answer into rows of cells (quotes handled; our files never hold a line break inside a cell here). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')))
}

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let curatorA: Record<string, string>
    let adminHeaders: Record<string, string>
    let aCerts: Awaited<ReturnType<typeof listProvinceCertificates>>
    let bCerts: Awaited<ReturnType<typeof listProvinceCertificates>>
    let rerated: string
    let revoked: string
    let formulaProduct: string

    beforeAll(async () => {
      await seedDemoCatalog(getContainer())
      adminHeaders = await loginAdmin(api)
      curatorA = await inviteCurator(api, adminHeaders, "xuat.so@example.vn", { province_codes: [A] })
      aCerts = (await listProvinceCertificates(getContainer(), A)).filter((c) => c.status !== "superseded")
      bCerts = await listProvinceCertificates(getContainer(), B)
      expect(aCerts.length).toBeGreaterThanOrEqual(3)
      // The known changes inside the period: one re-recognition at 5★ and one revocation.
      rerated = aCerts[0].product.id
      await api.post(
        `/curator/products/${rerated}/certifications`,
        { stars: 5, decision_number: "77/QĐ-UBND", decision_date: "2026-11-10", valid_until: "2029-11-10" },
        { headers: curatorA }
      )
      revoked = aCerts[1].id
      await api.post(
        `/curator/certificates/${revoked}`,
        { revoke: { decision_number: "78/QĐ-UBND", decision_date: "2026-11-12", reason: "Ngừng sản xuất" } },
        { headers: curatorA }
      )
      // Cells that a spreadsheet would run as formulas.
      formulaProduct = aCerts[2].product.id
      await getContainer().resolve(Modules.PRODUCT).updateProducts(formulaProduct, { title: '=HYPERLINK("http://x.invalid","bấm")', status: "draft" })
      await (getContainer().resolve(PRODUCER_MODULE) as ProducerModuleService).updateProducers({
        id: aCerts[2].product.producer.id,
        name: "@SUM(A1:A9)",
      })
    })

    /** What the register of A should hold, read straight through Query (current certificates only). */
    const readExpected = async () => {
      const { data } = await getContainer()
        .resolve("query")
        .graph({
          entity: "certification",
          fields: ["id", "stars", "status", "valid_until", "product.title", "product.producer.id", "product.producer.type"],
          filters: { province_code: A, status: { $ne: "superseded" } },
        })
      return data as any[]
    }

    it("exports A's register as CSV, one row per product, formulas neutralised, nothing of B", async () => {
      const { data, headers, status } = await api.get(`/curator/exports/register.csv?${PERIOD}`, { headers: curatorA })
      expect(status).toBe(200)
      expect(headers["content-type"]).toMatch(/text\/csv/)
      const [header, ...rows] = parseCsv(data)
      expect(header[0]).toBe("Tên sản phẩm / Product")
      const expected = await readExpected()
      expect(rows).toHaveLength(expected.length)
      const titles = rows.map((r) => r[0])
      for (const cert of expected) if (!cert.product.title.startsWith("=")) expect(titles).toContain(cert.product.title)
      for (const cert of bCerts) if (!expected.some((e) => e.product.title === cert.product.title)) expect(data).not.toContain(cert.product.title)
      // The formula-looking title and producer come out with a leading apostrophe.
      const formulaRow = rows.find((r) => r[0].includes("HYPERLINK"))!
      expect(formulaRow[0]).toBe(`'=HYPERLINK("http://x.invalid","bấm")`)
      expect(formulaRow[1]).toBe("'@SUM(A1:A9)")
      // A draft is not on sale; a published product with a price is.
      expect(formulaRow[13]).toBe("không / no")
      // The re-rated product shows its new 5★ decision; the revoked one its status.
      const reratedTitle = aCerts[0].product.title
      const reratedRow = rows.find((r) => r[0] === reratedTitle)!
      expect(reratedRow.slice(7, 14)).toEqual(["5", "", "77/QĐ-UBND", "2026-11-10", "2029-11-10", "active", "có / yes"])
      expect(rows.find((r) => r[0] === aCerts[1].product.title)![12]).toBe("revoked")
    })

    it("exports A's register as XLSX with the period's figures on the Tổng hợp sheet", async () => {
      const response = await api.get(`/curator/exports/register.xlsx?${PERIOD}`, { headers: curatorA, responseType: "arraybuffer" })
      expect(response.status).toBe(200)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(response.data)
      const register = book.getWorksheet("Sổ OCOP")!
      const summary = book.getWorksheet("Tổng hợp")!
      const expected = await readExpected()
      expect(register.rowCount).toBe(expected.length + 1)
      const cells: string[] = []
      register.eachRow((row) => cells.push(String((row.values as any[])[1])))
      expect(cells).toContain(`'=HYPERLINK("http://x.invalid","bấm")`)
      // No cell of the file is a formula.
      register.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))

      const figures = new Map<string, unknown>()
      summary.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value))
      const today = new Date().toISOString().slice(0, 10)
      const standing = expected.filter(
        (c) => c.status === "active" && (!c.valid_until || new Date(c.valid_until).toISOString().slice(0, 10) >= today)
      )
      expect(figures.get("Sản phẩm trong sổ / Products in the register")).toBe(expected.length)
      expect(figures.get("Sản phẩm đạt 3 sao trở lên / Products at 3★ and above")).toBe(standing.length)
      expect(figures.get("Sản phẩm 5 sao / 5★ products")).toBe(standing.filter((c) => c.stars === 5).length)
      expect(figures.get("Sản phẩm 5 sao / 5★ products")).toBeGreaterThanOrEqual(1)
      for (const stars of [3, 4])
        expect(figures.get(`Sản phẩm ${stars} sao / ${stars}★ products`)).toBe(standing.filter((c) => c.stars === stars).length)
      const types = new Map<string, Set<string>>()
      for (const c of standing) types.set(c.product.producer.type, (types.get(c.product.producer.type) ?? new Set()).add(c.product.producer.id))
      for (const [type, ids] of types) expect(figures.get(`Chủ thể loại ${type} / Producers of type ${type}`)).toBe(ids.size)
      expect(figures.get("Công nhận mới trong kỳ / Newly recognised in the period")).toBe(0)
      expect(figures.get("Công nhận lại trong kỳ / Re-recognised in the period")).toBe(1)
      expect(figures.get("Bị thu hồi trong kỳ / Revoked in the period")).toBe(1)
      expect(figures.get("Kỳ báo cáo / Period")).toBe("2026-11-01 – 2026-11-30")
    })

    it("the operator exports any province; bad dates are refused with the field's name", async () => {
      const response = await api.get(`/admin/ocop/exports/register.xlsx?province=${B}`, { headers: adminHeaders, responseType: "arraybuffer" })
      expect(response.status).toBe(200)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(response.data)
      const titles: string[] = []
      book.getWorksheet("Sổ OCOP")!.eachRow((row) => titles.push(String((row.values as any[])[1])))
      expect(titles.length).toBeGreaterThan(1)
      expect(titles).toContain(bCerts.find((c) => c.status !== "superseded")!.product.title)

      const bad = await api.get("/curator/exports/register.csv?from=2026-02-30", { headers: curatorA }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/^from: /)
      const reversed = await api
        .get("/curator/exports/register.csv?from=2026-12-01&to=2026-01-01", { headers: curatorA })
        .catch((e: any) => e.response)
      expect(reversed.status).toBe(400)
    })
  },
})
