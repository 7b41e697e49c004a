import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import ExcelJS from "exceljs"
import jwt from "jsonwebtoken"
import { attempt, createAttackTally, type AttackResponse } from "../../fixtures/attack-tally"
import { fileClaim, inviteCurator, listProvinceCertificates, registerCuratorIdentity } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { waitFor } from "../../fixtures/wait-for"
import { asNextPerson } from "../../fixtures/client-address"
import { firstVariantId, inviteProducerMember, PASSWORD } from "../../fixtures/producer"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import type ProducerModuleService from "../../../src/modules/producer/service"
import { FEATURED_MODULE } from "../../../src/modules/featured"
import type FeaturedModuleService from "../../../src/modules/featured/service"

jest.setTimeout(300_000)

// Trà Vinh's successor (86) and Quảng Ninh (22) both have several demo products.
const A = "86"
const B = "22"

/**
 * Curator isolation: a curator of province A tries every /curator route on province B's certificates, products
 * and claims (ids in the path, body and query; path variants). A leak is a success, B's id in an answer, or any
 * change to B's rows read back through Query. Other actors' tokens get 401 on /curator, and a curator's token
 * gets 401 on /admin and /producer.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const tally = createAttackTally("curator-isolation")
    let adminHeaders: Record<string, string>
    let curatorA: Record<string, string>
    let aCerts: Awaited<ReturnType<typeof listProvinceCertificates>>
    let bCerts: Awaited<ReturnType<typeof listProvinceCertificates>>
    let aClaim: string
    let bClaim: string

    beforeAll(async () => {
      await seedDemoCatalog(getContainer())
      adminHeaders = await loginAdmin(api)
      aCerts = await listProvinceCertificates(getContainer(), A)
      bCerts = await listProvinceCertificates(getContainer(), B)
      curatorA = await inviteCurator(api, adminHeaders, "can.bo.a@example.vn", { province_codes: [A] })
      aClaim = await fileClaim(api, "nhan.a@example.vn", aCerts[0].product.producer.id)
      bClaim = await fileClaim(api, "nhan.b@example.vn", bCerts[0].product.producer.id)
    })

    afterAll(() => {
      tally.report()
    })

    /** Everything of B's a curator of A must not change: certificates with history, products, producers, claims. */
    const readB = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: certs } = await query.graph({
        entity: "certification",
        fields: ["*", "rating_events.*"],
        filters: { province_code: B },
      })
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "title", "status", "variants.id", "variants.prices.amount", "certifications.id", "producer.*"],
        filters: { id: bCerts.map((c) => c.product.id) },
      })
      const producers: ProducerModuleService = getContainer().resolve(PRODUCER_MODULE)
      const claims = await producers.listProducerClaims({ producer_id: bCerts.map((c) => c.product.producer.id) })
      const members = await producers.listProducerMembers({})
      const byId = (list: any[]) => [...list].sort((x, y) => String(x.id).localeCompare(String(y.id)))
      return JSON.stringify({
        certs: byId(certs).map((c: any) => ({ ...c, rating_events: byId(c.rating_events ?? []) })),
        products: byId(products),
        claims: byId(claims).map((c) => [c.id, c.status, c.decided_at]),
        members: byId(members).map((m) => [m.id, m.producer_id, m.role]),
      })
    }

    // An import run by B's curator (set in the first test): its id must not reach A either.
    let bRun = ""
    const bIds = () => [...bCerts.flatMap((c) => [c.id, c.product.id, c.product.producer.id]), bClaim, ...(bRun ? [bRun] : [])]

    it("a curator of province A sees its own register and cannot read, change or list anything of province B", async () => {
      const forA = { headers: curatorA }
      // The defence must be scoping, not emptiness: A's curator does see A's certificates and claims.
      const { data: own } = await api.get("/curator/certificates?limit=100", forA)
      expect(own.certificates.map((c: any) => c.id).sort()).toEqual(
        aCerts
          .filter((c) => c.status !== "superseded")
          .map((c) => c.id)
          .sort()
      )
      const { data: ownClaims } = await api.get("/curator/claims", forA)
      expect(ownClaims.claims.map((c: any) => c.id)).toEqual([aClaim])

      // B's curator imports a list of B's; A must not read the run, its report, nor find it in A's history.
      const curatorB = await inviteCurator(api, adminHeaders, "can.bo.b@example.vn", { province_codes: [B] })
      const listB = new FormData()
      listB.append(
        "file",
        new Blob([Buffer.from("STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao\n1,Chả mực cô lập,HTX Chả mực,,,Quảng Ninh,4\n", "utf8")]),
        "b.csv"
      )
      bRun = (await api.post("/curator/imports/file", listB, { headers: curatorB })).data.import.id
      await waitFor(async () => (await api.get(`/curator/imports/${bRun}`, { headers: curatorB })).data.import.status === "done", {
        timeoutMs: 60_000,
        what: "B's import",
      })

      const bCert = bCerts[0].id
      const bProduct = bCerts[0].product
      const aCert = aCerts[0].id
      const aProduct = aCerts[0].product.id
      const before = await readB()

      const correction = { decision_number: "99/QĐ-GIẢ", decision_date: "2024-01-02" }
      const revoke = { revoke: { decision_number: "1/QĐ-THU-HỒI", decision_date: "2025-01-02", reason: "thử" } }
      const rerate = { stars: 3, decision_number: "2/QĐ", decision_date: "2025-02-03" }
      const certPaths = [
        `/curator/certificates/${bCert}`,
        `/curator/certificates/${bCert}/`,
        `/CURATOR/certificates/${bCert}`,
        `/curator/Certificates/${bCert}`,
        `/curator/%63ertificates/${bCert}`,
        `/curator/certificates/${encodeURIComponent(bCert)}`,
        `/curator/certificates/${bCert.toUpperCase()}`,
        `/curator//certificates/${bCert}`,
        `/curator/certificates/${bCert}?province=${B}`,
      ]
      const denied: [string, () => Promise<any>][] = [
        ...certPaths.map((p): [string, () => Promise<any>] => [`read B's certificate at ${p}`, () => api.get(p, forA)]),
        ...certPaths.map((p): [string, () => Promise<any>] => [`correct B's certificate at ${p}`, () => api.post(p, correction, forA)]),
        ...certPaths.map((p): [string, () => Promise<any>] => [`revoke B's certificate at ${p}`, () => api.post(p, revoke, forA)]),
        ["read B's product", () => api.get(`/curator/products/${bProduct.id}`, forA)],
        ["read B's product (upper case, trailing slash)", () => api.get(`/CURATOR/Products/${bProduct.id}/`, forA)],
        ["read B's product by handle", () => api.get(`/curator/products/${bProduct.handle}`, forA)],
        ["hide B's product", () => api.post(`/curator/products/${bProduct.id}/visibility`, { hidden: true, reason: "thử" }, forA)],
        [
          "hide B's product (upper case, trailing slash)",
          () => api.post(`/CURATOR/Products/${bProduct.id}/Visibility/`, { hidden: true, reason: "thử" }, forA),
        ],
        ["hide B's product by handle", () => api.post(`/curator/products/${bProduct.handle}/visibility`, { hidden: true, reason: "thử" }, forA)],
        [
          "hide A's product naming B's in the body",
          () => api.post(`/curator/products/${aProduct}/visibility`, { hidden: true, reason: "thử", product_id: bProduct.id }, forA),
        ],
        ["re-rate B's product", () => api.post(`/curator/products/${bProduct.id}/certifications`, rerate, forA)],
        ["re-rate B's product (trailing slash)", () => api.post(`/curator/products/${bProduct.id}/certifications/`, rerate, forA)],
        ["re-rate B's product (upper case)", () => api.post(`/CURATOR/PRODUCTS/${bProduct.id}/certifications`, rerate, forA)],
        ["re-rate B's product by handle", () => api.post(`/curator/products/${bProduct.handle}/certifications`, rerate, forA)],
        ["re-rate A's product into province B", () => api.post(`/curator/products/${aProduct}/certifications`, { ...rerate, province: B }, forA)],
        ["correct A's certificate naming B's in the body", () => api.post(`/curator/certificates/${aCert}`, { ...correction, id: bCert }, forA)],
        ["correct A's certificate moving it to B", () => api.post(`/curator/certificates/${aCert}`, { ...correction, province_code: B }, forA)],
        ["approve B's claim", () => api.post(`/curator/claims/${bClaim}/approve`, {}, forA)],
        ["approve B's claim (trailing slash)", () => api.post(`/curator/claims/${bClaim}/approve/`, {}, forA)],
        ["approve B's claim (upper case)", () => api.post(`/curator/CLAIMS/${bClaim}/APPROVE`, {}, forA)],
        ["reject B's claim", () => api.post(`/curator/claims/${bClaim}/reject`, {}, forA)],
        ["approve B's claim through A's claim id in the query", () => api.post(`/curator/claims/${bClaim}/approve?claim_id=${aClaim}`, {}, forA)],
        ["list with an unknown province_code filter", () => api.get(`/curator/certificates?province_code=${B}`, forA)],
        // Curators never touch prices, stock or listings: no such route exists for them.
        ["reprice A's product", () => api.post(`/curator/products/${aProduct}`, { variants: [{ price_vnd: 1000 }] }, forA)],
        ["change A's stock", () => api.post(`/curator/products/${aProduct}/variants`, { stock: 0 }, forA)],
        ["unpublish A's product", () => api.post(`/curator/products/${aProduct}`, { status: "draft" }, forA)],
        ["delete A's product", () => api.delete(`/curator/products/${aProduct}`, forA)],
        ["edit B's producer", () => api.post(`/curator/producers/${bProduct.producer.id}`, { name: "x" }, forA)],
        ["read B's import run", () => api.get(`/curator/imports/${bRun}`, forA)],
        ["read B's import run (upper case, trailing slash)", () => api.get(`/CURATOR/Imports/${bRun}/`, forA)],
        ["download B's import report", () => api.get(`/curator/imports/${bRun}/report`, forA)],
        ["download B's import report (upper case)", () => api.get(`/curator/IMPORTS/${bRun}/REPORT`, forA)],
        ["read B's import run through A's history query", () => api.get(`/curator/imports?id=${bRun}`, forA)],
        ["import into B by a province field", () => api.post("/curator/imports/file", { province: B }, forA)],
      ]
      for (const [what, run] of denied) {
        const response = await attempt(run)
        const body = JSON.stringify(response.data ?? "")
        const held = bIds().find((id) => body.includes(id) && response.status < 400)
        tally.record(what, response, ![400, 403, 404].includes(response.status) ? `HTTP ${response.status}` : held ? `answer holds ${held}` : false)
      }

      // Listings answer 200 by design; for them a leak is one of B's ids in the answer.
      const listings: [string, string][] = [
        ["register filtered to province B", `/curator/certificates?province=${B}`],
        ["register filtered to province B by name", `/curator/certificates?province=${encodeURIComponent("Quảng Ninh")}`],
        ["register searched for B's product", `/curator/certificates?q=${encodeURIComponent(bProduct.title)}`],
        ["register searched for B's decision", `/curator/certificates?q=QĐ&limit=100`],
        ["register of superseded", `/curator/certificates?status=superseded&limit=100`],
        ["claims", "/curator/claims?limit=100"],
        ["approved claims", "/curator/claims?status=approved"],
        ["me", "/curator/me"],
        ["dashboard", "/curator/dashboard"],
        ["reminders of B's certificate", `/curator/reminders?certificate_id=${bCert}`],
        ["reminders from a date", `/curator/reminders?from=2020-01-01&limit=100`],
        ["import history", "/curator/imports?limit=100"],
      ]
      for (const [what, url] of listings) {
        const response = await attempt(() => api.get(url, forA))
        const body = JSON.stringify(response.data ?? "")
        const held = bIds().find((id) => body.includes(id))
        tally.record(what, response, response.status !== 200 ? `HTTP ${response.status}` : held ? `answer holds ${held}` : false)
      }
      // Array and duplicated parameters must not widen the scope either.
      for (const url of [`/curator/certificates?province=${A}&province=${B}`, `/curator/certificates?province[]=${B}`]) {
        const response = await attempt(() => api.get(url, forA))
        const held = bIds().find((id) => JSON.stringify(response.data ?? "").includes(id))
        tally.record(
          `register with ${url}`,
          response,
          ![200, 400].includes(response.status) ? `HTTP ${response.status}` : held ? `answer holds ${held}` : false
        )
      }

      // Exports carry titles, not ids: a leak is one of B's product titles (or ids) in the file.
      const bTitles = () => bCerts.map((c) => c.product.title).filter((t) => !aCerts.some((a) => a.product.title === t))
      const exports: string[] = [
        `/curator/exports/register.csv?province=${B}`,
        `/curator/exports/register.csv?province=${A}&province=${B}`,
        `/curator/exports/register.csv?province[]=${B}`,
        `/curator/exports/register.csv?province_code=${B}`,
        `/curator/exports/register.csv?id=${bCert}`,
        `/CURATOR/Exports/register.csv/?province=${B}`,
        `/curator/exports/register.xlsx?province=${B}`,
        `/curator/exports/register.xlsx?province=${encodeURIComponent("Quảng Ninh")}`,
      ]
      for (const url of exports) {
        const response = await attempt(() => api.get(url, { ...forA, responseType: "arraybuffer" }))
        let text = ""
        if (response.status === 200 && url.includes(".xlsx")) {
          const book = new ExcelJS.Workbook()
          await book.xlsx.load(response.data as any)
          book.eachSheet((sheet) => sheet.eachRow((row) => (text += JSON.stringify(row.values))))
        } else text = Buffer.from((response.data as ArrayBuffer | undefined) ?? new ArrayBuffer(0)).toString("utf8")
        const held = [...bTitles(), ...bIds()].find((value) => text.includes(value))
        tally.record(
          `export ${url}`,
          response,
          ![200, 400].includes(response.status) ? `HTTP ${response.status}` : held ? `file holds ${held}` : false
        )
      }

      const after = await readB()
      tally.check("B's rows after every attempt", after !== before && "B's certificates, history, products or claims changed")
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    it("a curator of province A cannot read, edit, reorder, publish or delete B's featured lists, nor list B's products", async () => {
      const forA = { headers: curatorA }
      const window = { starts_at: new Date(Date.now() - 86_400_000).toISOString(), ends_at: new Date(Date.now() + 30 * 86_400_000).toISOString() }
      const bProducts = bCerts.filter((c) => c.status !== "superseded").map((c) => c.product.id)
      const aProducts = aCerts.filter((c) => c.status !== "superseded").map((c) => c.product.id)
      const { data: bData } = await api.post(
        "/admin/featured-lists",
        { title: "Danh sách của tỉnh B", province: B, products: bProducts.slice(0, 2), ...window },
        { headers: adminHeaders }
      )
      const bList = bData.featured_list
      const { data: aData } = await api.post(
        "/curator/featured-lists",
        { title: "Danh sách của tỉnh A", products: aProducts.slice(0, 2), ...window },
        forA
      )
      const aList = aData.featured_list
      // The defence must be scoping: A's curator does reach its own list.
      expect((await api.get(`/curator/featured-lists/${aList.id}`, forA)).data.featured_list.id).toBe(aList.id)

      const featured: FeaturedModuleService = getContainer().resolve(FEATURED_MODULE)
      const readLists = async () => JSON.stringify(await featured.listFeaturedLists({ id: [aList.id, bList.id] }, { order: { id: "ASC" } }))
      const before = await readLists()

      const cover = () => {
        const form = new FormData()
        form.append("file", new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }), "x.jpg")
        return form
      }
      const listPaths = [
        `/curator/featured-lists/${bList.id}`,
        `/curator/featured-lists/${bList.id}/`,
        `/CURATOR/Featured-Lists/${bList.id}`,
        `/curator/featured-lists/${encodeURIComponent(bList.id)}`,
        `/curator/featured-lists/${bList.handle}`,
        `/curator/featured-lists/${bList.id}?province=${B}`,
      ]
      const denied: [string, () => Promise<any>][] = [
        ...listPaths.map((p): [string, () => Promise<any>] => [`read B's list at ${p}`, () => api.get(p, forA)]),
        ...listPaths.map((p): [string, () => Promise<any>] => [`edit B's list at ${p}`, () => api.post(p, { title: "Đã sửa" }, forA)]),
        ...listPaths.map((p): [string, () => Promise<any>] => [`delete B's list at ${p}`, () => api.delete(p, forA)]),
        ["reorder B's list", () => api.post(`/curator/featured-lists/${bList.id}/products`, { products: [...bList.product_ids].reverse() }, forA)],
        ["publish B's list", () => api.post(`/curator/featured-lists/${bList.id}/publish`, {}, forA)],
        ["unpublish B's list", () => api.post(`/curator/featured-lists/${bList.id}/unpublish`, {}, forA)],
        ["set B's list's cover", () => api.post(`/curator/featured-lists/${bList.id}/cover`, cover(), forA)],
        [
          "add B's product to A's list",
          () => api.post(`/curator/featured-lists/${aList.id}`, { products: [...aList.product_ids, bProducts[0]] }, forA),
        ],
        ["make A's list B's products only", () => api.post(`/curator/featured-lists/${aList.id}`, { products: bProducts.slice(0, 2) }, forA)],
        [
          "reorder A's list into B's products",
          () => api.post(`/curator/featured-lists/${aList.id}/products`, { products: bProducts.slice(0, 2) }, forA),
        ],
        ["move A's list to province B", () => api.post(`/curator/featured-lists/${aList.id}`, { province: B }, forA)],
        [
          "create a list of B's products",
          () => api.post("/curator/featured-lists", { title: "Lấn tỉnh", products: bProducts.slice(0, 1), ...window }, forA),
        ],
        [
          "create a list in province B",
          () => api.post("/curator/featured-lists", { title: "Lấn tỉnh", province: B, products: bProducts.slice(0, 1), ...window }, forA),
        ],
        [
          "create a national list",
          () => api.post("/curator/featured-lists", { title: "Toàn quốc", province: null, products: aProducts.slice(0, 1), ...window }, forA),
        ],
      ]
      const listIds = () => [bList.id, bList.handle, ...bProducts]
      for (const [what, run] of denied) {
        const response = await attempt(run)
        const body = JSON.stringify(response.data ?? "")
        const held = listIds().find((id) => body.includes(id) && response.status < 400)
        tally.record(what, response, ![400, 403, 404].includes(response.status) ? `HTTP ${response.status}` : held ? `answer holds ${held}` : false)
      }
      for (const url of ["/curator/featured-lists?limit=100", `/curator/featured-lists?province=${B}`, "/curator/featured-lists?status=draft"]) {
        const response = await attempt(() => api.get(url, forA))
        const held = listIds().find((id) => JSON.stringify(response.data ?? "").includes(id))
        tally.record(
          `featured lists at ${url}`,
          response,
          ![200, 400].includes(response.status) ? `HTTP ${response.status}` : held ? `answer holds ${held}` : false
        )
      }
      tally.check("A's and B's lists after every attempt", (await readLists()) !== before && "a featured list changed")
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    it("other actors' tokens get 401 on /curator, a curator's token gets 401 on /admin and /producer", async () => {
      const container = getContainer()
      const { data: me } = await api.get("/curator/me", { headers: curatorA })
      const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const claims = { actor_id: me.curator.id, actor_type: "curator", auth_identity_id: "authid_x", app_metadata: { curator_id: me.curator.id } }
      const now = Math.floor(Date.now() / 1000)
      const expired = jwt.sign({ ...claims, iat: now - 7200, exp: now - 3600 }, http.jwtSecret as string)
      const forged = jwt.sign(claims, "not-the-server-secret", { expiresIn: "1h" })
      const asProducer = jwt.sign({ ...claims, actor_type: "producer" }, http.jwtSecret as string, { expiresIn: "1h" })
      const producer = await inviteProducerMember(api, adminHeaders, bCerts[0].product.producer.id, "nha.sx@example.vn")
      const { data: customer } = await api.post(
        "/auth/customer/emailpass/register",
        { email: "khach@example.vn", password: PASSWORD },
        { headers: asNextPerson() }
      )
      const registration = await registerCuratorIdentity(api, "chua.nhan.loi.moi@example.vn")

      const cert = aCerts[0].id
      const product = aCerts[0].product.id
      const curatorRoutes: [string, string][] = [
        ["get", "/curator/me"],
        ["get", "/curator/certificates"],
        ["get", `/curator/certificates/${cert}`],
        ["post", `/curator/certificates/${cert}`],
        ["get", `/curator/products/${product}`],
        ["post", `/curator/products/${product}/certifications`],
        ["get", "/curator/claims"],
        ["post", `/curator/claims/${aClaim}/approve`],
        ["post", `/curator/claims/${aClaim}/reject`],
        ["get", "/curator/dashboard"],
        ["get", "/curator/exports/register.csv"],
        ["get", "/curator/reminders"],
        ["post", `/curator/products/${product}/visibility`],
        ["get", "/curator/exports/register.xlsx"],
        ["get", "/curator/featured-lists"],
        ["post", "/curator/featured-lists"],
        ["get", "/curator/imports"],
        ["post", "/curator/imports/file"],
        ["get", "/curator/imports/oimp_01JZZZZZZZZZZZZZZZZZZZZZZZ"],
        ["get", "/curator/imports/oimp_01JZZZZZZZZZZZZZZZZZZZZZZZ/report"],
        // A path no route serves yet is closed the same way: the curator is resolved for the whole prefix.
        ["get", "/curator/reports"],
      ]
      const strangers: [string, Record<string, string>][] = [
        ["no token", {}],
        ["expired curator token", { authorization: `Bearer ${expired}` }],
        ["forged curator token", { authorization: `Bearer ${forged}` }],
        ["curator claims signed as producer", { authorization: `Bearer ${asProducer}` }],
        ["producer token", producer],
        ["customer token", { authorization: `Bearer ${customer.token}` }],
        ["admin token", adminHeaders],
        ["curator registration token (not yet a curator)", registration],
      ]
      for (const [method, url] of curatorRoutes) {
        for (const [who, headers] of strangers) {
          const response: AttackResponse =
            method === "get"
              ? await attempt(() => api.get(url, { headers }))
              : await attempt(() => api.post(url, { decision_number: "x", stars: 3 }, { headers }))
          tally.record(`${method.toUpperCase()} ${url} with ${who}`, response, response.status !== 401 && `HTTP ${response.status}`)
        }
      }
      // Accepting needs a curator token too; an admin or producer cannot become a curator by it.
      for (const [who, headers] of strangers.filter(([who]) => !who.startsWith("curator registration"))) {
        const response = await attempt(() => api.post("/curator/invites/accept", { token: "x", name: "x" }, { headers }))
        tally.record(`accept an invite with ${who}`, response, response.status !== 401 && `HTTP ${response.status}`)
      }

      const variant = await firstVariantId(container, product)
      const elsewhere: [string, string, unknown?][] = [
        ["get", "/admin/products"],
        ["post", `/admin/products/${product}`, { title: "Đổi tên" }],
        ["post", `/admin/products/${product}/variants/${variant}`, { prices: [{ amount: 1000, currency_code: "vnd" }] }],
        ["get", "/admin/curators"],
        ["post", "/admin/curators/invites", { email: "ban.be@example.vn", province_codes: [B] }],
        ["post", `/admin/curators/${me.curator.id}`, { province_codes: [A, B] }],
        ["post", `/admin/ocop/certifications/${bCerts[0].id}`, { status: "revoked" }],
        ["post", `/admin/products/${bCerts[0].product.id}/ocop/certifications`, { stars: 5, province: B }],
        ["post", `/admin/producer-claims/${bClaim}/approve`, {}],
        ["get", "/producer/me"],
        ["get", "/producer/products"],
        ["post", `/producer/products/${product}`, { title: "Đổi tên" }],
        ["post", "/producer/members", { name: "x" }],
      ]
      for (const [method, url, body] of elsewhere) {
        const response =
          method === "get"
            ? await attempt(() => api.get(url, { headers: curatorA }))
            : await attempt(() => api.post(url, body, { headers: curatorA }))
        tally.record(`curator ${method.toUpperCase()} ${url}`, response, response.status !== 401 && `HTTP ${response.status}`)
      }
      const { data: after } = await api.get("/curator/me", { headers: curatorA })
      tally.check("curator's own provinces after the escalation attempts", after.curator.province_codes.join() !== A && "provinces changed")
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })
  },
})
