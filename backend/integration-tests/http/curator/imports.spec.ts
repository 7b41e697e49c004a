import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { resolveProvince } from "@ocop/domain/places"
import { generateSyntheticRows, writeSyntheticCsv } from "@ocop/seed"
import { ADMIN, loginAdmin } from "../../fixtures/demo-catalog"
import { inviteCurator } from "../../fixtures/curator"
import { asNextPerson } from "../../fixtures/client-address"
import { inviteProducerMember, PASSWORD } from "../../fixtures/producer"
import { waitFor } from "../../fixtures/wait-for"
import { ensureAdminUser } from "../../../src/scripts/lib/ensure-admin-user"
import { ensureStoreDefaults } from "../../../src/scripts/lib/ensure-store-defaults"

jest.setTimeout(300_000)

// Hà Giang's rows belong to Tuyên Quang since 2025; Cao Bằng kept its name.
const A = resolveProvince("Tuyên Quang")!.code
const B = resolveProvince("Cao Bằng")!.code

const LIST_A_WITH_ONE_B = [
  "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao",
  "1,Mật ong bạc hà nhập tỉnh,HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,4",
  "2,Chè Shan tuyết nhập tỉnh,HTX Chè Vị Xuyên,Vị Xuyên,Vị Xuyên,Hà Giang,3",
  "3,Miến dong nhập tỉnh,HTX Miến,,,Cao Bằng,4",
].join("\n")

const LIST_B = ["STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao", "1,Hạt dẻ Trùng Khánh nhập tỉnh,HTX Hạt dẻ,,,Cao Bằng,4"].join("\n")

/**
 * A curator imports its province's list from the console: rows of another province are refused naming it, the
 * rest go in; the run records who ran it, shows in the province's history, and is out of reach of other provinces
 * and of other actors.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const upload = (headers: Record<string, string>, name: string, csv: string) => {
      const form = new FormData()
      form.append("file", new Blob([Buffer.from(csv, "utf8")]), name)
      return api.post("/curator/imports/file", form, { headers }).catch((e: any) => e.response)
    }
    const finished = (headers: Record<string, string>, id: string) =>
      waitFor(
        async () => {
          const { data } = await api.get(`/curator/imports/${id}`, { headers })
          return data.import.status !== "running" && data.import
        },
        { timeoutMs: 60_000, what: `import ${id}` }
      )
    const status = (request: Promise<any>) => request.then((r) => r.status).catch((e) => e.response?.status)

    beforeEach(async () => {
      await ensureStoreDefaults(getContainer())
      await ensureAdminUser(getContainer(), ADMIN.email, ADMIN.password)
    })

    it("imports the curator's rows, refuses another province's row by name, and keeps the run to its province", async () => {
      const admin = await loginAdmin(api)
      const curatorA = await inviteCurator(api, admin, "can.bo.tuyen.quang@example.vn", { province_codes: [A] })
      const colleagueA = await inviteCurator(api, admin, "dong.nghiep.tuyen.quang@example.vn", { province_codes: [A] })
      const curatorB = await inviteCurator(api, admin, "can.bo.cao.bang@example.vn", { province_codes: [B] })

      const started = await upload(curatorA, "danh-sach-tuyen-quang.csv", LIST_A_WITH_ONE_B)
      expect(started.status).toBe(202)
      expect(started.data.import).toMatchObject({ file_name: "danh-sach-tuyen-quang.csv", total: 2, read: 3, rejected: 1 })
      const run = await finished(curatorA, started.data.import.id)
      expect(run).toMatchObject({
        status: "done",
        progress: 100,
        processed: 2,
        read: 3,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 1,
        errors_total: 1,
        curator: { email: "can.bo.tuyen.quang@example.vn" },
      })

      // The A rows are in the catalogue, the B row is not.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: certs } = await query.graph({ entity: "certification", fields: ["province_code", "product.title"] })
      expect(certs.map((c: any) => [c.province_code, c.product.title]).sort()).toEqual([
        [A, "Chè Shan tuyết nhập tỉnh"],
        [A, "Mật ong bạc hà nhập tỉnh"],
      ])

      // The report names row 3 and its province, in Vietnamese.
      const report = await api.get(`/curator/imports/${run.id}/report`, { headers: curatorA })
      expect(report.headers["content-type"]).toMatch(/^text\/csv/)
      expect(report.data).toContain("Dòng 3: tỉnh Cao Bằng không thuộc phạm vi của bạn")
      expect(report.data).toContain("province_out_of_scope")

      // History: the run with who ran it, for A's curators; not for B's.
      const { data: history } = await api.get("/curator/imports", { headers: colleagueA })
      expect(history.count).toBe(1)
      expect(history.imports[0]).toMatchObject({ id: run.id, file_name: "danh-sach-tuyen-quang.csv", created: 2, rejected: 1 })
      expect(history.imports[0].curator.email).toBe("can.bo.tuyen.quang@example.vn")
      const { data: historyB } = await api.get("/curator/imports", { headers: curatorB })
      expect(historyB.imports).toEqual([])

      // B's curator imports its own list; A cannot reach that run, B cannot reach A's.
      const startedB = await upload(curatorB, "danh-sach-cao-bang.csv", LIST_B)
      const runB = await finished(curatorB, startedB.data.import.id)
      expect(runB).toMatchObject({ status: "done", created: 1, rejected: 0 })
      for (const path of [`/curator/imports/${runB.id}`, `/curator/imports/${runB.id}/report`, `/CURATOR/Imports/${runB.id}/report/`]) {
        expect(await status(api.get(path, { headers: curatorA }))).toBe(404)
      }
      expect(await status(api.get(`/curator/imports/${run.id}/report`, { headers: curatorB }))).toBe(404)
      expect((await api.get("/curator/imports", { headers: curatorA })).data.imports.map((i: any) => i.id)).toEqual([run.id])

      // The operator's own imports are not any curator's history.
      const form = new FormData()
      form.append("file", new Blob([Buffer.from(LIST_B, "utf8")]), "admin.csv")
      await api.post("/admin/ocop/imports/file", form, { headers: admin })
      expect((await api.get("/curator/imports", { headers: curatorB })).data.imports.map((i: any) => i.id)).toEqual([runB.id])
    })

    it("answers a bad upload with 400 naming the file, and other actors' tokens with 401", async () => {
      const admin = await loginAdmin(api)
      const curator = await inviteCurator(api, admin, "can.bo.kiem.tra@example.vn", { province_codes: [A] })
      const empty = await upload(curator, "rong.csv", "")
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/^file:/)
      const bad = await status(api.get("/curator/imports/not-an-id", { headers: curator }))
      expect(bad).toBe(400)
      const { data: list } = await api.get("/curator/imports?limit=500", { headers: curator }).catch((e: any) => e.response)
      expect(list.message).toMatch(/^limit/)

      const started = await upload(curator, "mot-dong.csv", LIST_A_WITH_ONE_B)
      const run = await finished(curator, started.data.import.id)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["producer.id"] })
      const producer = await inviteProducerMember(api, admin, products[0].producer!.id, "nha.san.xuat@example.vn")
      const { data: customer } = await api.post(
        "/auth/customer/emailpass/register",
        { email: "khach.hang@example.vn", password: PASSWORD },
        { headers: asNextPerson() }
      )
      const strangers: [string, Record<string, string>][] = [
        ["no token", {}],
        ["producer", producer],
        ["customer", { authorization: `Bearer ${customer.token}` }],
        ["admin", admin],
      ]
      for (const [who, headers] of strangers) {
        for (const path of ["/curator/imports", `/curator/imports/${run.id}`, `/curator/imports/${run.id}/report`]) {
          expect([who, path, await status(api.get(path, { headers }))]).toEqual([who, path, 401])
        }
        const form = new FormData()
        form.append("file", new Blob([Buffer.from(LIST_B, "utf8")]), "x.csv")
        expect([who, await status(api.post("/curator/imports/file", form, { headers }))]).toEqual([who, 401])
      }
    })

    it("moves the progress of a 300-row list through intermediate values, chunk by chunk, to 100", async () => {
      const admin = await loginAdmin(api)
      // The national office covers every province the synthetic list spreads over.
      const national = await inviteCurator(api, admin, "van.phong.quoc.gia@example.vn", { scope: "national" })
      const file = writeSyntheticCsv(join(mkdtempSync(join(tmpdir(), "ocop-curator-")), "tinh.csv"), generateSyntheticRows(300, 41))
      const startedAt = Date.now()
      const started = await upload(national, "tinh-300.csv", readFileSync(file, "utf8"))
      expect(started.status).toBe(202)
      const answeredMs = Date.now() - startedAt
      const seen: number[] = []
      const run = await waitFor(
        async () => {
          const { data } = await api.get(`/curator/imports/${started.data.import.id}`, { headers: national })
          seen.push(data.import.progress)
          return data.import.status !== "running" && data.import
        },
        { timeoutMs: 180_000, what: "the 300-row import" }
      )
      const totalMs = Date.now() - startedAt
      console.info(
        `curator import of 300 rows: answered in ${answeredMs} ms, written in ${totalMs} ms; progress seen: ${[...new Set(seen)].join(", ")}`
      )
      expect(run).toMatchObject({ status: "done", progress: 100, read: 300 })
      expect(run.processed).toBe(run.total)
      // A real bar: it was seen between 0 and 100, and it never went back.
      expect(seen.some((p) => p > 0 && p < 100)).toBe(true)
      expect(seen).toEqual([...seen].sort((a, b) => a - b))
    })
  },
})
