import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { lotResolution, provinceLots, publicLotPage, staffLotAnswer } from "@ocop/contracts"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { communes, provinces } from "@ocop/domain/places"
import { PDFDocument } from "pdf-lib"
import sharp from "sharp"
import jsQR from "jsqr"
import { execFile } from "node:child_process"
import { mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { inviteCurator } from "../../fixtures/curator"
import { failed, inviteProducerMember, listProducersWithProducts, signedClientAddress } from "../../fixtures/producer"

// Migrating a fresh database takes minutes on a busy machine.
jest.setTimeout(900_000)

// Small limits so the tests can cross them: 3 PDF pages, a flag past 2 × quantity scans or from 3 provinces a day.
process.env.OCOP_LOT_DOCUMENT_MAX_PAGES = "3"
process.env.OCOP_LOT_SCAN_FACTOR = "2"
process.env.OCOP_LOT_FLAG_PROVINCES = "3"
process.env.VENDOR_PORTAL_URL = "https://cho-ocop.example.vn"

/** The label sheet's first page as pixels (Debian's poppler-utils), and the QR codes found in its first label. */
async function readFirstLabelQr(pdf: Buffer, layout: string): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "lots-label-"))
  await writeFile(path.join(dir, "sheet.pdf"), pdf)
  await promisify(execFile)("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", path.join(dir, "sheet.pdf"), path.join(dir, "page")])
  const png = await readFile(path.join(dir, "page-1.png"))
  // The top-left label's QR square only (A4 is 210 × 297 mm; the QR is as tall as the label, the text beside it would
  // confuse the decoder): 37 × 37 mm on a 3×8 sheet; 4.65 mm margin + 38.1 mm by 15.15 mm margin + 38.1 mm on a 2×7 one.
  const meta = await sharp(png).metadata()
  const [widthMm, heightMm] = layout === "3x8" ? [37, 37] : [43, 53.2]
  const { data, info } = await sharp(png)
    .extract({ left: 0, top: 0, width: Math.floor((meta.width! * widthMm) / 210), height: Math.floor((meta.height! * heightMm) / 297) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

async function makePdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`Lab report, page ${i + 1}`)
  return Buffer.from(await pdf.save())
}

const makePng = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a7" } })
    .png()
    .toBuffer()

/** The stored bytes behind a File Module URL (local provider: backend/static; the URL names port 9000, not the test's). */
const readStored = (url: string) => readFile(path.join(process.cwd(), "static", path.basename(new URL(url).pathname)))

let addressCount = 0
/** A different person (address) per call, passed on signed as the shop does. */
const nextPerson = () => signedClientAddress(`203.0.113.${++addressCount}`)

/** Lots, their documents and steps as a producer records them; what buyers see when they scan; isolation. */
runMedusaSuite({
  dbName: `lots_traceability_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Record<string, string>
    let a: { producer_id: string; product_ids: string[] }
    let b: { producer_id: string; product_ids: string[] }
    let forA: { headers: Record<string, string> }
    let forB: { headers: Record<string, string> }

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      ;[a, b] = await listProducersWithProducts(getContainer())
      const admin = await loginAdmin(api)
      forA = { headers: await inviteProducerMember(api, admin, a.producer_id, "lo@htx-a.vn") }
      forB = { headers: await inviteProducerMember(api, admin, b.producer_id, "lo@htx-b.vn") }
    })

    let lotCounter = 0
    const createLot = async (headers: { headers: Record<string, string> }, productId: string, extra: Record<string, unknown> = {}) => {
      const { data } = await api.post(
        "/producer/lots",
        { product_id: productId, code: `L2026-${++lotCounter}`, made_on: "2026-11-01", best_before: "2027-05-01", quantity: 200, ...extra },
        headers
      )
      return data.lot
    }
    const uploadDocument = (lotId: string, content: Buffer, name: string, type: string, fields: Record<string, string> = {}) => {
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array(content)], { type }), name)
      for (const [key, value] of Object.entries({ kind: "lab_result", title: "Kết quả kiểm nghiệm", is_public: "true", ...fields }))
        form.append(key, value)
      return failed(api.post(`/producer/lots/${lotId}/documents`, form, forA))
    }

    it("a producer records a lot with its origin and two steps; the list shows it", async () => {
      const commune = communes[0]
      const { data, status } = await api.post(
        "/producer/lots",
        {
          product_id: a.product_ids[0],
          code: "MO-2611",
          made_on: "2026-11-02",
          best_before: "2027-11-02",
          quantity: 500,
          growing_area_code: "vn-tntc-0012",
          commune_code: commune.code,
          steps: [
            { happened_on: "2026-10-30", kind: "harvest", note: "Thu hoạch mật ong rừng" },
            { happened_on: "2026-11-02", kind: "pack", note: "Đóng chai 500 ml" },
          ],
        },
        forA
      )
      expect(status).toBe(201)
      expect(data.lot).toMatchObject({
        code: "MO-2611",
        made_on: "2026-11-02",
        best_before: "2027-11-02",
        quantity: 500,
        growing_area_code: "VN-TNTC-0012",
        commune: { code: commune.code, name: commune.name },
        status: "active",
        scan_count: 0,
        flags: [],
      })
      expect(data.lot.public_code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)
      expect(data.lot.steps.map((s: any) => [s.happened_on, s.kind])).toEqual([
        ["2026-10-30", "harvest"],
        ["2026-11-02", "pack"],
      ])
      const { data: list } = await api.get(`/producer/lots?product_id=${a.product_ids[0]}`, forA)
      expect(list.lots.map((l: any) => l.code)).toContain("MO-2611")
      // The link to the product is there for Query.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["id", "lots.code"], filters: { id: a.product_ids[0] } })
      expect(products[0].lots!.map((l: any) => l.code)).toContain("MO-2611")
    })

    it("bad lots get 400 naming the field; a lot code is unique per product", async () => {
      const base = { product_id: a.product_ids[0], code: "X-1", made_on: "2026-11-01", quantity: 10 }
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ best_before: "2026-10-01" }, /^best_before: hạn dùng/],
        [{ made_on: "2099-01-01" }, /^made_on: không được ở tương lai/],
        [{ made_on: "2026-02-30" }, /^made_on: ngày không tồn tại/],
        [{ code: "lô/1" }, /^code: /],
        [{ quantity: 0 }, /^quantity: /],
        [{ commune_code: "99999999" }, /^commune_code: /],
        [{ growing_area_code: "!" }, /^growing_area_code: /],
        [{ steps: [{ happened_on: "2026-11-01", kind: "bake", note: "x" }] }, /^steps\.0\.kind: /],
      ]
      for (const [change, message] of cases) {
        const response = await failed(api.post("/producer/lots", { ...base, ...change }, forA))
        expect([response.status, response.data.message]).toEqual([400, expect.stringMatching(message)])
      }
      await createLot(forA, a.product_ids[0], { code: "TRUNG-1" })
      const again = await failed(api.post("/producer/lots", { ...base, code: "TRUNG-1" }, forA))
      expect(again.status).toBeGreaterThanOrEqual(400)
      expect(again.status).toBeLessThan(500)
      expect(again.data.message).toMatch(/^code: sản phẩm này đã có lô "TRUNG-1"/)
      // The same code on another product is another lot.
      if (a.product_ids[1]) expect((await createLot(forA, a.product_ids[1], { code: "TRUNG-1" })).code).toBe("TRUNG-1")
    })

    it("documents are judged by their content, size and pages; private ones stay off the scan page", async () => {
      const lot = await createLot(forA, a.product_ids[0])
      const pdf = await uploadDocument(lot.id, await makePdf(2), "kq.pdf", "application/pdf")
      expect(pdf.status).toBe(201)
      expect(pdf.data.lot.documents).toEqual([
        expect.objectContaining({ kind: "lab_result", mime_type: "application/pdf", pages: 2, is_public: true }),
      ])
      expect((await readStored(pdf.data.lot.documents[0].url)).subarray(0, 5).toString()).toBe("%PDF-")

      const refused: [Buffer, string, string, RegExp][] = [
        [Buffer.from("<html><script>alert(1)</script></html>"), "kq.pdf", "application/pdf", /^file: chỉ nhận PDF hoặc ảnh/],
        [Buffer.from("%PDF-1.7\nnot really a pdf"), "kq.pdf", "application/pdf", /^file: không đọc được tệp PDF/],
        [await makePdf(4), "dai.pdf", "application/pdf", /^file: PDF có 4 trang, tối đa 3/],
        [Buffer.alloc(0), "rong.png", "image/png", /^file: /],
      ]
      for (const [content, name, type, message] of refused) {
        const response = await uploadDocument(lot.id, content, name, type)
        expect([response.status, response.data.message]).toEqual([400, expect.stringMatching(message)])
      }
      const image = await uploadDocument(lot.id, await makePng(), "giay-chung-nhan.jpg", "image/jpeg", {
        kind: "food_safety",
        title: "Giấy chứng nhận ATTP",
        is_public: "false",
      })
      expect(image.status).toBe(201)
      const privateDoc = image.data.lot.documents.find((d: any) => d.kind === "food_safety")
      // Typed by what it is, not by its name or the upload's claim.
      expect(privateDoc).toMatchObject({ mime_type: "image/png", is_public: false })
      const badKind = await uploadDocument(lot.id, await makePng(), "x.png", "image/png", { kind: "selfie" })
      expect([badKind.status, badKind.data.message]).toEqual([400, expect.stringMatching(/^kind: /)])
      const { data: staff } = await api.get(`/producer/lots/${lot.id}`, forA)
      // Both pages read their answers as the shop does (@ocop/contracts): one it cannot parse is a broken page.
      expect(staffLotAnswer.parse(staff).lot.documents).toHaveLength(2)

      const { data: page } = await api.get(`/store/ocop/lots/${lot.public_code}`, { headers: storeHeaders })
      publicLotPage.parse(page)
      expect(page.lot.documents.map((d: any) => d.title)).toEqual(["Kết quả kiểm nghiệm"])
    })

    it("a step's phone photo goes through the photo pipeline", async () => {
      const lot = await createLot(forA, a.product_ids[0])
      const form = new FormData()
      form.append(
        "files",
        new Blob(
          [
            new Uint8Array(
              await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#963" } })
                .jpeg()
                .toBuffer()
            ),
          ],
          { type: "image/jpeg" }
        ),
        "anh.jpg"
      )
      form.append("happened_on", "2026-11-01")
      form.append("kind", "process")
      form.append("note", "Lọc và cô đặc")
      const { data, status } = await api.post(`/producer/lots/${lot.id}/steps`, form, forA)
      expect(status).toBe(201)
      const step = data.lot.steps.find((s: any) => s.kind === "process")
      expect(step.photo.renditions).toHaveLength(9)
      expect(new Set(step.photo.renditions.map((r: any) => r.format))).toEqual(new Set(["avif", "webp", "jpeg"]))
      expect((await sharp(await readStored(step.photo.url)).metadata()).format).toBe("jpeg")
      const notPhoto = new FormData()
      notPhoto.append("files", new Blob([new Uint8Array(Buffer.from("GIF89a not a photo"))], { type: "image/jpeg" }), "x.jpg")
      notPhoto.append("happened_on", "2026-11-01")
      notPhoto.append("kind", "process")
      notPhoto.append("note", "x")
      const refused = await failed(api.post(`/producer/lots/${lot.id}/steps`, notPhoto, forA))
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/^file: /)])
    })

    it("another producer cannot see, add to, recall, serialise or create lots of producer A's products: 404, 0 leaks", async () => {
      const lot = await createLot(forA, a.product_ids[0])
      const read = () => api.get(`/producer/lots/${lot.id}`, forA).then((r: any) => JSON.stringify(r.data.lot))
      const before = await read()
      const docForm = async () => {
        const form = new FormData()
        form.append("file", new Blob([new Uint8Array(await makePdf(1))], { type: "application/pdf" }), "x.pdf")
        form.append("kind", "other")
        form.append("title", "giả")
        form.append("is_public", "true")
        return form
      }
      const attempts: [string, () => Promise<{ status: number; data: any }>][] = [
        ["read A's lot", () => failed(api.get(`/producer/lots/${lot.id}`, forB))],
        [
          "add a step to A's lot",
          () => failed(api.post(`/producer/lots/${lot.id}/steps`, { happened_on: "2026-11-01", kind: "other", note: "giả" }, forB)),
        ],
        ["add a document to A's lot", async () => failed(api.post(`/producer/lots/${lot.id}/documents`, await docForm(), forB))],
        ["recall A's lot", () => failed(api.post(`/producer/lots/${lot.id}/recall`, { reason: "phá" }, forB))],
        ["label sheet of A's lot", () => failed(api.get(`/producer/lots/${lot.id}/label-sheet`, forB))],
        ["issue serials of A's lot", () => failed(api.post(`/producer/lots/${lot.id}/serials`, { count: 1, request_key: "isolation-1" }, forB))],
        ["list serials of A's lot", () => failed(api.get(`/producer/lots/${lot.id}/serials`, forB))],
        ["serial sheet of A's lot", () => failed(api.get(`/producer/lots/${lot.id}/serials/label-sheet?batch=lserb_0`, forB))],
        [
          "create a lot of A's product",
          () => failed(api.post("/producer/lots", { product_id: a.product_ids[0], code: "GIA-1", made_on: "2026-11-01", quantity: 1 }, forB)),
        ],
      ]
      const leaks: string[] = []
      for (const [what, run] of attempts) {
        const response = await run()
        if (response.status !== 404) leaks.push(`${what}: HTTP ${response.status}`)
        if (JSON.stringify(response.data).includes(lot.public_code)) leaks.push(`${what}: answer holds A's lot`)
      }
      for (const url of ["/producer/lots", `/producer/lots?product_id=${a.product_ids[0]}`]) {
        const response = await failed(api.get(url, forB))
        if (response.status !== 200) leaks.push(`${url}: HTTP ${response.status}`)
        if (JSON.stringify(response.data).includes(lot.id)) leaks.push(`${url}: lists A's lot`)
      }
      if ((await read()) !== before) leaks.push("A's lot changed")
      console.log(`lot isolation attempts: ${attempts.length + 2}, leaks: ${leaks.length}${leaks.length ? `\n${leaks.join("\n")}` : ""}`)
      expect(leaks).toEqual([])
      // B's own product still works for B.
      expect((await createLot(forB, b.product_ids[0])).status).toBe("active")
    })

    it("the scan page shows the lot, product, producer and live certificate, and no internal ids", async () => {
      const lot = await createLot(forA, a.product_ids[0], { steps: [{ happened_on: "2026-11-01", kind: "harvest", note: "Thu hái" }] })
      const { data } = await api.get(`/store/ocop/lots/${lot.public_code}`, { headers: storeHeaders })
      expect(data.lot).toMatchObject({
        public_code: lot.public_code,
        code: lot.code,
        made_on: "2026-11-01",
        best_before: "2027-05-01",
        status: "active",
      })
      expect(data.lot.qr_path).toBe(`/l/${lot.public_code}`)
      expect(data.lot.steps).toEqual([{ happened_on: "2026-11-01", kind: "harvest", note: "Thu hái", photo_url: null }])
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [product],
      } = await query.graph({ entity: "product", fields: ["title", "handle", "producer.name"], filters: { id: a.product_ids[0] } })
      expect(data.product).toMatchObject({ title: product.title, handle: product.handle })
      expect(data.producer.name).toBe(product.producer!.name)
      expect(["active", "expired", "revoked", "unknown_validity", "suspended"]).toContain(data.product.ocop.status)
      const body = JSON.stringify(data)
      for (const id of [lot.id, a.product_ids[0], a.producer_id]) expect(body).not.toContain(id)
      expect(body).not.toMatch(/"id":/)
      const unknown = await failed(api.get("/store/ocop/lots/2222222222", { headers: storeHeaders }))
      expect(unknown.status).toBe(404)
    })

    it("the resolver: our short code and GS1 Digital Link find the lot; an unknown lot names the product; a withdrawn code is 410", async () => {
      const lot = await createLot(forA, a.product_ids[0], { code: "GS1-LOT-7" })
      const byCode = await failed(api.get(`/store/ocop/resolve-lot?code=${lot.public_code}`, { headers: storeHeaders }))
      expect(byCode).toEqual({ status: 200, data: { status: "found", public_code: lot.public_code } })
      // A real EAN-13 on the product's first variant makes it a GTIN product.
      const products = getContainer().resolve(Modules.PRODUCT)
      const [variant] = await products.listProductVariants({ product_id: a.product_ids[0] }, { take: 1 })
      await products.updateProductVariants(variant.id, { barcode: "4006381333931" })
      const byGtin = await failed(api.get("/store/ocop/resolve-lot?gtin=04006381333931&lot=GS1-LOT-7", { headers: storeHeaders }))
      expect(byGtin.data).toEqual({ status: "found", public_code: lot.public_code })
      const { data: page } = await api.get(`/store/ocop/lots/${lot.public_code}`, { headers: storeHeaders })
      expect(page.lot.qr_path).toBe("/01/04006381333931/10/GS1-LOT-7")
      const [product] = await products.listProducts({ id: a.product_ids[0] }, { select: ["handle"] })
      const unknownLot = await failed(api.get("/store/ocop/resolve-lot?gtin=4006381333931&lot=NOPE-1", { headers: storeHeaders }))
      expect([unknownLot.status, lotResolution.parse(unknownLot.data)]).toEqual([404, expect.objectContaining({ product_handle: product.handle })])
      // Withdrawn: the producer deleted the code.
      const deleted = await failed(api.delete(`/producer/lots/${lot.id}`, forA))
      expect(deleted.status).toBe(200)
      const gone = await failed(api.get(`/store/ocop/resolve-lot?code=${lot.public_code}`, { headers: storeHeaders }))
      expect([gone.status, lotResolution.parse(gone.data).status]).toEqual([410, "withdrawn"])
      const goneGs1 = await failed(api.get("/store/ocop/resolve-lot?gtin=4006381333931&lot=GS1-LOT-7", { headers: storeHeaders }))
      expect(goneGs1.status).toBe(410)
      const bad = await failed(api.get("/store/ocop/resolve-lot?gtin=12&lot=A", { headers: storeHeaders }))
      expect(bad.status).toBe(400)
    })

    it("scans are counted once per person per lot, rate-limited, and flag copied labels", async () => {
      const lot = await createLot(forA, a.product_ids[0], { quantity: 2 })
      const scan = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
        failed(api.post(`/store/ocop/lots/${lot.public_code}/scans`, body, { headers: { ...storeHeaders, ...headers } }))
      const person = nextPerson()
      expect((await scan(person)).data).toEqual({ counted: true })
      expect((await scan(person)).data).toEqual({ counted: false, province_recorded: false })
      expect((await api.get(`/producer/lots/${lot.id}`, forA)).data.lot.scan_count).toBe(1)
      const badProvince = await scan(nextPerson(), { province_code: "999" })
      expect([badProvince.status, badProvince.data.message]).toEqual([400, expect.stringMatching(/^province_code: /)])

      // Three people in three provinces the same day; then more scans than 2 × the 2 units made.
      for (const province of provinces.slice(0, 3)) expect((await scan(nextPerson(), { province_code: province.code })).status).toBe(201)
      let seen = await api.get(`/producer/lots/${lot.id}`, forA)
      expect(seen.data.lot).toMatchObject({ scan_count: 4, max_provinces_per_day: 3 })
      expect(seen.data.lot.flags).toEqual(["many_provinces_in_a_day"])
      expect((await scan(nextPerson())).status).toBe(201)
      seen = await api.get(`/producer/lots/${lot.id}`, forA)
      expect(seen.data.lot.scan_count).toBe(5)
      expect(seen.data.lot.flags).toEqual(["scans_exceed_quantity", "many_provinces_in_a_day"])

      // A script from one address: 30 a minute, then 429, and the count did not move.
      const script = nextPerson()
      const answers: number[] = []
      for (let i = 0; i < 32; i++) answers.push((await scan(script)).status)
      expect(answers.filter((s) => s === 429)).toHaveLength(2)
      expect((await api.get(`/producer/lots/${lot.id}`, forA)).data.lot.scan_count).toBe(6)

      // The first person names a province after their counted view (the shop's form): the scan moves, once only.
      expect((await scan(person, { province_code: provinces[3].code })).data).toEqual({ counted: false, province_recorded: true })
      expect((await scan(person, { province_code: provinces[4].code })).data).toEqual({ counted: false, province_recorded: false })
      seen = await api.get(`/producer/lots/${lot.id}`, forA)
      expect(seen.data.lot).toMatchObject({ scan_count: 6, max_provinces_per_day: 4 })
    })

    it("the label sheet is an A4 PDF whose QR opens the lot's page in the shop, in both layouts", async () => {
      const lot = await createLot(forA, a.product_ids[0], { code: "TEM-1" })
      for (const layout of ["3x8", "2x7"]) {
        const response = await api.get(`/producer/lots/${lot.id}/label-sheet?layout=${layout}`, { ...forA, responseType: "arraybuffer" })
        expect(response.headers["content-type"]).toMatch(/^application\/pdf/)
        const pdf = Buffer.from(response.data)
        const doc = await PDFDocument.load(pdf)
        expect(doc.getPageCount()).toBe(1)
        expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
        expect(await readFirstLabelQr(pdf, layout)).toBe(`https://cho-ocop.example.vn/l/${lot.public_code}`)
      }
      const bad = await failed(api.get(`/producer/lots/${lot.id}/label-sheet?layout=4x10`, forA))
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/^layout: /)])
    })

    it("the province's curators see its lots with scans and flags and may recall one; another province's may not", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [product],
      } = await query.graph({
        entity: "product",
        fields: ["certifications.province_code", "certifications.status"],
        filters: { id: a.product_ids[0] },
      })
      const province = (product.certifications as any[]).find((c) => c.status !== "superseded").province_code as string
      const admin = await loginAdmin(api)
      const ours = { headers: await inviteCurator(api, admin, "truy-xuat@so-nn.vn", { province_codes: [province] }) }
      const theirs = {
        headers: await inviteCurator(api, admin, "truy-xuat@tinh-khac.vn", { province_codes: [provinces.find((p) => p.code !== province)!.code] }),
      }
      const lot = await createLot(forA, a.product_ids[0])
      await api.post(`/store/ocop/lots/${lot.public_code}/scans`, {}, { headers: { ...storeHeaders, ...nextPerson() } })

      const { data: before } = await api.get("/curator/lots?limit=100", ours)
      provinceLots.parse(before)
      expect(before.lots.find((l: any) => l.id === lot.id)).toMatchObject({ code: lot.code, scan_count: 1, status: "active", flags: [] })
      expect(before.summary.products).toBeGreaterThan(0)
      expect(before.summary.products_with_live_lot).toBeGreaterThan(0)
      expect(before.summary.share_with_live_lot).toBeCloseTo(before.summary.products_with_live_lot / before.summary.products, 3)

      const { data: elsewhere } = await api.get("/curator/lots?limit=100", theirs)
      expect(JSON.stringify(elsewhere)).not.toContain(lot.id)
      const refused = await failed(api.post(`/curator/lots/${lot.id}/recall`, { reason: "không phải tỉnh mình" }, theirs))
      expect(refused.status).toBe(404)
      expect((await api.get(`/producer/lots/${lot.id}`, forA)).data.lot.status).toBe("active")

      const { data } = await api.post(`/curator/lots/${lot.id}/recall`, { reason: "Kết quả hậu kiểm: vượt ngưỡng vi sinh" }, ours)
      expect(data.lot).toMatchObject({ status: "recalled", recall_reason: "Kết quả hậu kiểm: vượt ngưỡng vi sinh" })
      const { data: after } = await api.get("/curator/lots?limit=100", ours)
      expect(after.summary.recalled_lots).toBe(before.summary.recalled_lots + 1)
      const { data: page } = await api.get(`/store/ocop/lots/${lot.public_code}`, { headers: storeHeaders })
      expect(page.lot.status).toBe("recalled")
    })

    it("recall: the producer recalls with a reason and the scan page says so; twice is refused", async () => {
      const lot = await createLot(forA, a.product_ids[0])
      const noReason = await failed(api.post(`/producer/lots/${lot.id}/recall`, {}, forA))
      expect([noReason.status, noReason.data.message]).toEqual([400, expect.stringMatching(/^reason: /)])
      const { data } = await api.post(`/producer/lots/${lot.id}/recall`, { reason: "Phát hiện nắp chai bị hở" }, forA)
      expect(data.lot).toMatchObject({ status: "recalled", recall_reason: "Phát hiện nắp chai bị hở" })
      const { data: page } = await api.get(`/store/ocop/lots/${lot.public_code}`, { headers: storeHeaders })
      expect(page.lot).toMatchObject({ status: "recalled", recall_reason: "Phát hiện nắp chai bị hở" })
      const twice = await failed(api.post(`/producer/lots/${lot.id}/recall`, { reason: "lần nữa" }, forA))
      expect(twice.status).toBeGreaterThanOrEqual(400)
      expect(twice.data.message).toMatch(/^status: lô này đã bị thu hồi/)
    })
  },
})
