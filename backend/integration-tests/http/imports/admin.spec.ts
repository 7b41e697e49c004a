import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import { generateSyntheticRows, parseCertificationBuffer, writeSyntheticCsv } from "@ocop/seed"
import { ADMIN, loginAdmin } from "../../fixtures/demo-catalog"
import { ensureAdminUser } from "../../../src/scripts/lib/ensure-admin-user"
import { ensureStoreDefaults } from "../../../src/scripts/lib/ensure-store-defaults"
import { expectedRecords, SAMPLES_DIR, sampleBuffer, sampleFiles } from "../../fixtures/samples"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"
import { productImportKey } from "../../../src/workflows/ocop/import/import-keys"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let headers: Record<string, string>

    beforeAll(async () => {
      await ensureStoreDefaults(getContainer())
      await ensureAdminUser(getContainer(), ADMIN.email, ADMIN.password)
    })

    beforeEach(async () => {
      headers = await loginAdmin(api)
    })

    const upload = async (file: string, content = sampleBuffer(file), mode?: string) => {
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array(content)]), file)
      if (mode) form.append("mode", mode)
      return api.post("/admin/ocop/imports/file", form, { headers })
    }
    const counts = async () => {
      const container = getContainer()
      const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
      const products = await container.resolve(Modules.PRODUCT).listProducts({}, { select: ["id", "external_id", "status"] })
      return { products, certifications: await ocop.listCertifications({}, { select: ["id", "status", "import_key"] }) }
    }
    const uniqueProducts = (file: string) =>
      new Set(expectedRecords(file).map((r) => productImportKey({ ...r, producer_name: r.producer_name } as any))).size

    it("imports every sample list: one published (showcase) product and one certificate per listed product", async () => {
      let expectedProducts = 0
      for (const file of sampleFiles()) {
        const { data } = await upload(file)
        const rows = expectedRecords(file).length
        expect({ file, read: data.read, rejected: data.rejected }).toEqual({ file, read: rows, rejected: 0 })
        expect(data.created + data.unchanged).toBe(rows)
        expectedProducts += data.created
      }
      const { products, certifications } = await counts()
      expect(products).toHaveLength(expectedProducts)
      expect(products.every((p) => p.status === "published" && p.external_id?.startsWith("ocop:"))).toBe(true)
      expect(certifications).toHaveLength(expectedProducts)
      expect(expectedProducts).toBe(sampleFiles().reduce((n, f) => n + uniqueProducts(f), 0))
    })

    it("keeps each field the list states", async () => {
      await upload("list-utf8-bom.csv")
      const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
      const [cert] = await ocop.listCertifications({ decision_number: "2361/QĐ-BNNMT" })
      expect(cert).toMatchObject({
        stars: 5,
        province_code: "19",
        province_as_listed: "Thái Nguyên",
        commune_as_listed: "Hợp Thành",
        source: "list-utf8-bom.csv",
      })
      const { data } = await api.get("/admin/ocop/certifications?province=Thừa Thiên Huế&limit=200", { headers })
      expect(data.count).toBe(expectedRecords("list-utf8-bom.csv").filter((r) => r.province_code_2025 === "46").length)
      const potential = await ocop.listCertifications({ potential_five_star: true })
      expect(potential.every((c) => c.stars >= 4)).toBe(true)
    })

    it("changes nothing when the same list comes again", async () => {
      const first = await upload("annex-tra-vinh-style.xlsx")
      const before = await counts()
      const { data } = await upload("annex-tra-vinh-style.xlsx")
      expect(data).toMatchObject({ created: 0, updated: 0, unchanged: first.data.read, rejected: 0 })
      const after = await counts()
      expect(after.products.map((p) => p.id).sort()).toEqual(before.products.map((p) => p.id).sort())
      expect(after.certifications.map((c) => c.id).sort()).toEqual(before.certifications.map((c) => c.id).sort())
    })

    it("re-rates a product from a later list: new certificate, stars updated, history kept", async () => {
      const { records } = await parseCertificationBuffer(sampleBuffer("decision-text.txt"), "decision-text.txt")
      await api.post("/admin/ocop/imports", { records, file_name: "1114.txt" }, { headers })
      const rerated = { ...records[3], stars: 4 as const, decision_number: "77/QĐ-UBND", decision_date: "2024-05-02", valid_until: "2027-05-02" }
      const { data } = await api.post("/admin/ocop/imports", { records: [rerated], file_name: "77.txt" }, { headers })
      expect(data).toMatchObject({ created: 0, updated: 1, unchanged: 0 })
      const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
      const certs = await ocop.listCertifications(
        { import_key: productImportKey(rerated) },
        { relations: ["rating_events"], order: { created_at: "ASC" } }
      )
      expect(certs.map((c) => [c.stars, c.status])).toEqual([
        [records[3].stars, "superseded"],
        [4, "active"],
      ])
      expect(certs[1].rating_events[0]).toMatchObject({ kind: "upgrade", previous_stars: 3, stars: 4 })
    })

    it("marks certificates revoked from a revocation list, and rejects rows it cannot find", async () => {
      await upload("grouped-by-tier.csv")
      const { records } = await parseCertificationBuffer(sampleBuffer("grouped-by-tier.csv"), "grouped-by-tier.csv")
      const stranger = { ...records[0], product_name: "Sản phẩm không có trong danh sách", source_row: 99 }
      const { data } = await api.post(
        "/admin/ocop/imports",
        { records: [records[1], stranger], mode: "revoke", file_name: "thu-hoi.csv" },
        { headers }
      )
      expect(data).toMatchObject({ updated: 1, rejected: 1 })
      expect(data.errors[0]).toMatchObject({ source_row: 99, code: "not_certified" })
      const ocop: OcopModuleService = getContainer().resolve(OCOP_MODULE)
      const [cert] = await ocop.listCertifications({ import_key: productImportKey(records[1]) }, { relations: ["rating_events"] })
      expect(cert.status).toBe("revoked")
      expect(cert.rating_events.map((e) => e.kind)).toContain("revocation")
    })

    it("survives being killed half-way: importing again ends with every product once", async () => {
      const file = writeSyntheticCsv(join(mkdtempSync(join(tmpdir(), "ocop-kill-")), "list.csv"), generateSyntheticRows(1200, 11))
      const { records } = await parseCertificationBuffer(readFileSync(file), "list.csv")
      const keys = new Set(records.map(productImportKey))
      const products = getContainer().resolve(Modules.PRODUCT)
      const productCount = async () => (await products.listAndCountProducts({}, { take: 1 }))[1]

      // A separate backend process imports the list in small batches; it is killed with SIGKILL mid-way.
      const child = spawn(join(__dirname, "..", "..", "..", "..", "node_modules", ".bin", "medusa"), ["exec", "./src/scripts/import-list.ts", file], {
        cwd: join(__dirname, "..", "..", ".."),
        env: { ...process.env, DATABASE_URL: dbConfig.clientUrl, LOG_LEVEL: "error", OCOP_IMPORT_BATCH_SIZE: "40" },
        detached: true,
        stdio: "ignore",
      })
      const exited = new Promise((resolve) => child.on("exit", resolve))
      const deadline = performance.now() + 120_000
      while ((await productCount()) < 200 && child.exitCode === null && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(child.exitCode).toBeNull()
      process.kill(-child.pid!, "SIGKILL")
      await exited
      const afterKill = await productCount()
      expect(afterKill).toBeGreaterThanOrEqual(200)
      expect(afterKill).toBeLessThan(keys.size)

      const { data } = await upload("list.csv", readFileSync(file))
      expect(data.rejected).toBe(0)
      const { products: all, certifications } = await counts()
      expect(all).toHaveLength(keys.size)
      expect(new Set(all.map((p) => p.external_id)).size).toBe(keys.size)
      const current = certifications.filter((c) => c.status !== "superseded")
      expect(current).toHaveLength(keys.size)
      expect(new Set(current.map((c) => c.import_key)).size).toBe(keys.size)
      const { data: linked } = await getContainer()
        .resolve("query")
        .graph({ entity: "product", fields: ["id", "producer.id", "certifications.id"] })
      expect(linked.filter((p: any) => !p.producer?.id)).toHaveLength(0)
      expect(linked.filter((p: any) => !(p.certifications ?? []).filter(Boolean).length)).toHaveLength(0)

      const again = await upload("list.csv", readFileSync(file))
      expect(again.data).toMatchObject({ created: 0, updated: 0, unchanged: records.length })
    })

    it("works from the command line: npm run import talks to the running backend", async () => {
      const file = join(mkdtempSync(join(tmpdir(), "ocop-cli-")), "annex.xlsx")
      require("node:fs").copyFileSync(join(SAMPLES_DIR, "annex-tra-vinh-style.xlsx"), file)
      const run = () =>
        new Promise<{ code: number | null; stdout: string }>((resolve) => {
          const child = spawn("npm", ["run", "import", "--", file], {
            cwd: join(__dirname, "..", "..", "..", ".."),
            env: {
              ...process.env,
              MEDUSA_BACKEND_URL: String(api.defaults.baseURL).replace(/\/$/, ""),
              MEDUSA_ADMIN_EMAIL: ADMIN.email,
              MEDUSA_ADMIN_PASSWORD: ADMIN.password,
            },
          })
          let stdout = ""
          child.stdout.on("data", (chunk) => (stdout += chunk))
          child.stderr.on("data", (chunk) => (stdout += chunk))
          child.on("exit", (code) => resolve({ code, stdout }))
        })
      const first = await run()
      expect(first.code).toBe(0)
      const { products } = await counts()
      expect(products).toHaveLength(uniqueProducts("annex-tra-vinh-style.xlsx"))
      const second = await run()
      expect(second.code).toBe(0)
      expect((await counts()).products).toHaveLength(products.length)
    })

    it("rejects bad rows with their reason and imports the rest", async () => {
      const csv = [
        "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao",
        "1,Mật ong bạc hà,HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,4",
        "2,,HTX Trống,Mèo Vạc,Mèo Vạc,Hà Giang,4",
        "3,Chè Shan tuyết,HTX Chè,Vị Xuyên,Vị Xuyên,Hà Giang,7",
        "4,<script>alert(1)</script>,HTX X,Vị Xuyên,Vị Xuyên,Hà Giang,3",
      ].join("\n")
      const { data } = await upload("bad.csv", Buffer.from(csv, "utf8"))
      expect(data).toMatchObject({ read: 4, created: 1, rejected: 3 })
      expect(data.errors.map((e: any) => e.source_row).sort()).toEqual([2, 3, 4])
      const { products } = await counts()
      expect(products.map((p: any) => p.external_id)).toEqual([expect.stringContaining("mat ong bac ha")])
    })

    it("answers records that break the schema row by row, and a malformed body with 400", async () => {
      const { data } = await api.post("/admin/ocop/imports", { records: [{ product_name: "X", stars: 9, source_row: 7 }] }, { headers })
      expect(data).toMatchObject({ created: 0, rejected: 1 })
      expect(data.errors[0]).toMatchObject({ source_row: 7, code: "invalid_record" })
      const error = await api.post("/admin/ocop/imports", { records: "nope" }, { headers }).catch((e) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toMatch(/^records/)
      const empty = await upload("empty.csv", Buffer.alloc(0)).catch((e) => e.response)
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/^file:/)
    })
  },
})
