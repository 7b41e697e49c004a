import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { issuedLotSerials, producerLotSerials, provinceLots, serialCheckAnswer, staffLotList, voidedLotSerials } from "@ocop/contracts"
import { Modules } from "@medusajs/framework/utils"
import { PDFDocument } from "pdf-lib"
import sharp from "sharp"
import jsQR from "jsqr"
import { execFile } from "node:child_process"
import { mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { TRACEABILITY_MODULE } from "../../../src/modules/traceability"
import type TraceabilityModuleService from "../../../src/modules/traceability/service"
import { inviteCurator } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { failed, inviteProducerMember, listProducersWithProducts, signedClientAddress } from "../../fixtures/producer"

// Migrating a fresh database takes minutes on a busy machine.
jest.setTimeout(900_000)

process.env.VENDOR_PORTAL_URL = "https://cho-ocop.example.vn"
// The lot is flagged by its third check of a serial it never issued or voided.
process.env.OCOP_LOT_FLAG_UNKNOWN_SERIALS = "3"

/** The top-left label's QR of a 3×8 serial sheet's first page (pdftoppm from Debian's poppler-utils, then jsQR). */
async function readFirstLabelQr(pdf: Buffer): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "serials-label-"))
  await writeFile(path.join(dir, "sheet.pdf"), pdf)
  await promisify(execFile)("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", path.join(dir, "sheet.pdf"), path.join(dir, "page")])
  const png = await readFile(path.join(dir, "page-1.png"))
  const meta = await sharp(png).metadata()
  // A 3×8 label is 70 × 37 mm and its QR square 37 × 37 mm at the top left of an A4 (210 × 297 mm) page.
  const { data, info } = await sharp(png)
    .extract({ left: 0, top: 0, width: Math.floor((meta.width! * 37) / 210), height: Math.floor((meta.height! * 37) / 297) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

let addressCount = 0
/** A different person (address) per call, passed on signed as the shop does. */
const nextPerson = () => signedClientAddress(`203.0.113.${++addressCount}`)

/** Per-unit serials: the producer issues them and prints their labels; a buyer's first scan and every later one. */
runMedusaSuite({
  dbName: `lot_serials_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Record<string, string>
    let a: { producer_id: string; product_ids: string[] }
    let b: { producer_id: string; product_ids: string[] }
    let forA: { headers: Record<string, string> }
    let forB: { headers: Record<string, string> }
    let national: { headers: Record<string, string> }

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      ;[a, b] = await listProducersWithProducts(getContainer())
      const admin = await loginAdmin(api)
      forA = { headers: await inviteProducerMember(api, admin, a.producer_id, "seri@htx-a.vn") }
      forB = { headers: await inviteProducerMember(api, admin, b.producer_id, "seri@htx-b.vn") }
      national = { headers: await inviteCurator(api, admin, "seri@ocop.gov.vn", { scope: "national" }) }
    })

    let counter = 0
    const createLot = async (quantity = 200, productId = a.product_ids[0]) => {
      const { data } = await api.post(
        "/producer/lots",
        { product_id: productId, code: `SR-${++counter}`, made_on: "2026-11-01", best_before: "2027-05-01", quantity },
        forA
      )
      return data.lot as { id: string; code: string; public_code: string }
    }
    const issue = (lotId: string, body: Record<string, unknown>, headers = forA) => failed(api.post(`/producer/lots/${lotId}/serials`, body, headers))
    /** The serials the database holds for a lot (read straight from the module, not from the route under test). */
    const storedSerials = async (lotId: string) => {
      const service: TraceabilityModuleService = getContainer().resolve(TRACEABILITY_MODULE)
      return (await service.listLotSerials(
        { lot_id: lotId },
        { select: ["code", "batch_id", "first_checked_at", "check_count", "voided_at", "void_reason"], order: { created_at: "ASC", code: "ASC" } }
      )) as {
        code: string
        batch_id: string
        first_checked_at: Date | null
        check_count: number
        voided_at: Date | null
        void_reason: string | null
      }[]
    }
    const check = (publicCode: string, serial: string, person = nextPerson()) =>
      failed(api.post(`/store/ocop/lots/${publicCode}/serials/${serial}/checks`, {}, { headers: { ...storeHeaders, ...person } }))

    it("a producer issues serials; a retried request gives the same batch and writes nothing new", async () => {
      const lot = await createLot()
      const first = await issue(lot.id, { count: 3, request_key: "req-aaaa-0001" })
      expect(first.status).toBe(201)
      const answer = issuedLotSerials.parse(first.data)
      expect(answer.batch).toMatchObject({ count: 3, request_key: "req-aaaa-0001" })
      expect(answer.summary).toEqual({ issued: 3, cap: 200, checked: 0, checked_more_than_once: 0, voided: 0 })
      const stored = await storedSerials(lot.id)
      expect(stored).toHaveLength(3)
      for (const s of stored) expect(s.code).toMatch(/^[2-9A-HJKMNP-Z]{13}$/)
      expect(new Set(stored.map((s) => s.code)).size).toBe(3)

      // The same request again (a retry after a lost answer): 200, the same batch, still 3 serials.
      const retry = await issue(lot.id, { count: 3, request_key: "req-aaaa-0001" })
      expect([retry.status, retry.data.batch.id]).toEqual([200, answer.batch.id])
      // Two retries at once still write one batch.
      const together = await Promise.all([1, 2].map(() => issue(lot.id, { count: 4, request_key: "req-aaaa-0002" })))
      expect(together.map((r) => r.status).sort()).toEqual([200, 201])
      expect(together[0].data.batch.id).toBe(together[1].data.batch.id)
      expect((await storedSerials(lot.id)).length).toBe(7)
      // The key with another count is a mistake, not a retry.
      const reused = await issue(lot.id, { count: 5, request_key: "req-aaaa-0001" })
      expect([reused.status, reused.data.message]).toEqual([400, expect.stringMatching(/^request_key: /)])

      const { data } = await api.get(`/producer/lots/${lot.id}/serials`, forA)
      const list = producerLotSerials.parse(data)
      expect(list.summary.issued).toBe(7)
      expect(list.batches.map((batch) => batch.count).sort()).toEqual([3, 4])
    })

    it("bad requests and the lot's cap answer 400 naming the field", async () => {
      const lot = await createLot(5)
      for (const [body, field] of [
        [{ count: 0, request_key: "req-bbbb-0001" }, "count"],
        [{ count: 1001, request_key: "req-bbbb-0001" }, "count"],
        [{ count: 2.5, request_key: "req-bbbb-0001" }, "count"],
        [{ count: "3", request_key: "req-bbbb-0001" }, "count"],
        [{ count: 3 }, "request_key"],
        [{ count: 3, request_key: "short" }, "request_key"],
        [{ count: 3, request_key: "req-bbbb-0001", extra: 1 }, ""],
      ] as const) {
        const response = await issue(lot.id, body)
        expect(response.status).toBe(400)
        if (field) expect(response.data.message).toMatch(new RegExp(`^${field}: .+ / .+`))
      }
      expect((await issue(lot.id, { count: 3, request_key: "req-bbbb-0002" })).status).toBe(201)
      // 5 units made: 2 more at most.
      const over = await issue(lot.id, { count: 3, request_key: "req-bbbb-0003" })
      expect([over.status, over.data.message]).toEqual([
        400,
        expect.stringMatching(/^count: lô này chỉ còn được cấp 2 mã .* \/ this lot may get only 2 more/),
      ])
      expect((await issue(lot.id, { count: 2, request_key: "req-bbbb-0004" })).status).toBe(201)
      const full = await issue(lot.id, { count: 1, request_key: "req-bbbb-0005" })
      expect([full.status, full.data.message]).toEqual([400, expect.stringMatching(/^count: lô này chỉ còn được cấp 0 mã/)])
      expect((await storedSerials(lot.id)).length).toBe(5)
    })

    it("another producer cannot issue, list or print serials of A's lot: 404, 0 leaks", async () => {
      const lot = await createLot()
      const { data } = await issue(lot.id, { count: 2, request_key: "req-cccc-0001" })
      const attempts: [string, () => Promise<{ status: number; data: any }>][] = [
        ["issue serials of A's lot", () => issue(lot.id, { count: 2, request_key: "req-cccc-0002" }, forB)],
        ["list serials of A's lot", () => failed(api.get(`/producer/lots/${lot.id}/serials`, forB))],
        ["serial sheet of A's lot", () => failed(api.get(`/producer/lots/${lot.id}/serials/label-sheet?batch=${data.batch.id}`, forB))],
      ]
      const leaks: string[] = []
      for (const [what, run] of attempts) {
        const response = await run()
        if (response.status !== 404) leaks.push(`${what}: HTTP ${response.status}`)
        if (JSON.stringify(response.data ?? "").includes(data.batch.id)) leaks.push(`${what}: answer holds A's batch`)
      }
      expect(leaks).toEqual([])
      expect((await storedSerials(lot.id)).length).toBe(2)
      // B's own lot's batch id does not open A's batch either.
      const bLot = (await api.post("/producer/lots", { product_id: b.product_ids[0], code: "B-SR-1", made_on: "2026-11-01", quantity: 9 }, forB)).data
        .lot
      const wrongLot = await failed(api.get(`/producer/lots/${bLot.id}/serials/label-sheet?batch=${data.batch.id}`, forB))
      expect(wrongLot.status).toBe(404)
    })

    it("the serial label sheet gives every label its own QR: our short path, or GS1 Digital Link with AI 21", async () => {
      const lot = await createLot()
      const { data } = await issue(lot.id, { count: 30, request_key: "req-dddd-0001" })
      const sheet = async () => {
        const response = await api.get(`/producer/lots/${lot.id}/serials/label-sheet?batch=${data.batch.id}&layout=3x8`, {
          ...forA,
          responseType: "arraybuffer",
        })
        expect(response.headers["content-type"]).toMatch(/^application\/pdf/)
        return Buffer.from(response.data)
      }
      const pdf = await sheet()
      // 30 labels on 3 × 8 = 24 per page.
      expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2)
      const codes = (await storedSerials(lot.id)).map((s) => s.code)
      const url = await readFirstLabelQr(pdf)
      const match = url?.match(/^https:\/\/cho-ocop\.example\.vn\/l\/([2-9A-HJKMNP-Z]{10})\/([2-9A-HJKMNP-Z]{13})$/)
      expect(match?.[1]).toBe(lot.public_code)
      expect(codes).toContain(match?.[2])

      const products = getContainer().resolve(Modules.PRODUCT)
      const [variant] = await products.listProductVariants({ product_id: a.product_ids[0] }, { take: 1 })
      await products.updateProductVariants(variant.id, { barcode: "4006381333931" })
      try {
        const gs1 = await readFirstLabelQr(await sheet())
        const serial = gs1?.match(/\/21\/([2-9A-HJKMNP-Z]{13})$/)?.[1]
        expect(gs1).toBe(`https://cho-ocop.example.vn/01/04006381333931/10/${lot.code}/21/${serial}`)
        expect(codes).toContain(serial)
      } finally {
        await products.updateProductVariants(variant.id, { barcode: null })
      }
      const missing = await failed(api.get(`/producer/lots/${lot.id}/serials/label-sheet`, forA))
      expect([missing.status, missing.data.message]).toEqual([400, expect.stringMatching(/^batch: /)])
    })

    it("the first scan of a serial is its first check; every later one says when that was; an unknown serial says so", async () => {
      const lot = await createLot()
      await issue(lot.id, { count: 3, request_key: "req-eeee-0001" })
      const [one, two] = (await storedSerials(lot.id)).map((s) => s.code)
      const buyer = nextPerson()
      const first = await check(lot.public_code, one, buyer)
      expect(first.status).toBe(201)
      const firstAnswer = serialCheckAnswer.parse(first.data)
      expect(firstAnswer).toMatchObject({ status: "first", serial: one })
      const firstAt = (firstAnswer as { first_checked_at: string }).first_checked_at
      expect(Math.abs(Date.parse(firstAt) - Date.now())).toBeLessThan(5 * 60_000)

      // The same buyer again, then someone else with a copy: both "repeat", with the first check's moment.
      expect(await check(lot.public_code, one, buyer)).toEqual({ status: 200, data: { status: "repeat", serial: one, first_checked_at: firstAt } })
      expect(await check(lot.public_code, one)).toEqual({ status: 200, data: { status: "repeat", serial: one, first_checked_at: firstAt } })
      // Lower case as typed by hand is the same serial.
      expect((await check(lot.public_code, one.toLowerCase())).data.status).toBe("repeat")

      const { data } = await api.get(`/producer/lots/${lot.id}/serials`, forA)
      // Three people checked it (the buyer's own reload within the window is not another check).
      expect(data.summary).toEqual({ issued: 3, cap: 200, checked: 1, checked_more_than_once: 1, voided: 0 })
      const stored = (await storedSerials(lot.id)).find((s) => s.code === one)!
      expect(stored.check_count).toBe(3)
      expect((await storedSerials(lot.id)).find((s) => s.code === two)!.first_checked_at).toBeNull()

      // A well-formed serial this lot never issued (a forged label); another lot's serial is no serial of this lot.
      const unknown = await check(lot.public_code, "23456789ABCDE")
      expect([unknown.status, serialCheckAnswer.parse(unknown.data).status]).toEqual([404, "unknown"])
      expect(unknown.data.message).toMatch(/^serial: .+ giả \/ .+counterfeit$/)
      const other = await createLot()
      expect((await check(other.public_code, two)).status).toBe(404)
      const malformed = await check(lot.public_code, "12345")
      expect([malformed.status, malformed.data.message]).toEqual([400, expect.stringMatching(/^serial: /)])
      // The serial's page views are scans of the lot too (once per person per window).
      expect((await api.get(`/producer/lots/${lot.id}`, forA)).data.lot.scan_count).toBe(4)
      // No person, no internal id in what the public gets.
      expect(JSON.stringify(firstAnswer)).not.toMatch(/lser|lot_|203\.0\.113/)
    })

    it("two first scans at once: exactly one is the first check", async () => {
      const lot = await createLot()
      await issue(lot.id, { count: 1, request_key: "req-ffff-0001" })
      const [serial] = (await storedSerials(lot.id)).map((s) => s.code)
      const answers = await Promise.all(Array.from({ length: 8 }, () => check(lot.public_code, serial)))
      expect(answers.filter((r) => r.status === 201 && r.data.status === "first")).toHaveLength(1)
      expect(answers.filter((r) => r.status === 200 && r.data.status === "repeat")).toHaveLength(7)
      expect(new Set(answers.map((r) => r.data.first_checked_at)).size).toBe(1)
      const [stored] = await storedSerials(lot.id)
      expect(stored.check_count).toBe(8)
    })

    it("a recalled lot's serial still checks, and the lot's page says recalled", async () => {
      const lot = await createLot()
      await issue(lot.id, { count: 1, request_key: "req-gggg-0001" })
      const [serial] = (await storedSerials(lot.id)).map((s) => s.code)
      await api.post(`/producer/lots/${lot.id}/recall`, { reason: "Nhãn in sai hạn dùng" }, forA)
      expect((await check(lot.public_code, serial)).data.status).toBe("first")
      const { data } = await api.get(`/store/ocop/lots/${lot.public_code}`, { headers: storeHeaders })
      expect(data.lot).toMatchObject({ status: "recalled", recall_reason: "Nhãn in sai hạn dùng" })
    })

    const voidSerials = (lotId: string, body: Record<string, unknown>, headers = forA) =>
      failed(api.post(`/producer/lots/${lotId}/serials/void`, body, headers))

    it("a producer voids one serial or a whole batch: its checks answer voided, never first; voiding again is a no-op", async () => {
      const lot = await createLot()
      const sheet = (await issue(lot.id, { count: 3, request_key: "req-hhhh-0001" })).data.batch.id as string
      const lost = (await issue(lot.id, { count: 2, request_key: "req-hhhh-0002" })).data.batch.id as string
      const serials = await storedSerials(lot.id)
      const [checked, unchecked, kept] = serials.filter((s) => s.batch_id === sheet).map((s) => s.code)
      expect((await check(lot.public_code, checked)).data.status).toBe("first")

      // One serial checked once and one never checked, typed in lower case: both voided with the reason.
      const reason = "Tem in lỗi / misprinted labels"
      const first = await voidSerials(lot.id, { serials: [checked.toLowerCase(), unchecked], reason })
      expect(first.status).toBe(200)
      const answer = voidedLotSerials.parse(first.data)
      expect([answer.voided, answer.already_voided, answer.summary.voided]).toEqual([2, 0, 2])
      // Again: nothing changes, counted as already voided; the first reason stays.
      const again = voidedLotSerials.parse((await voidSerials(lot.id, { serials: [checked], reason: "Lần hai" })).data)
      expect([again.voided, again.already_voided, again.summary.voided]).toEqual([0, 1, 2])

      const voided = await check(lot.public_code, checked)
      expect(voided.status).toBe(410)
      const verdict = serialCheckAnswer.parse(voided.data)
      expect(verdict).toMatchObject({ status: "voided", serial: checked, void_reason: reason })
      expect(voided.data.message).toMatch(/^serial: .+ không chính hãng \/ .+ not be genuine$/)
      // A voided serial never scanned before never becomes "first", however often it is checked.
      for (let i = 0; i < 2; i++) expect((await check(lot.public_code, unchecked)).data.status).toBe("voided")
      expect((await storedSerials(lot.id)).find((s) => s.code === unchecked)!.first_checked_at).toBeNull()
      // The serial left alone still works.
      expect((await check(lot.public_code, kept)).data.status).toBe("first")

      // The lost batch, whole.
      const batch = voidedLotSerials.parse((await voidSerials(lot.id, { batch_id: lost, reason: "Mất cuộn tem / a roll of labels was lost" })).data)
      expect([batch.voided, batch.already_voided]).toEqual([2, 0])
      const fromBatch = serials.filter((s) => s.batch_id === lost).map((s) => s.code)
      expect((await check(lot.public_code, fromBatch[0])).data).toMatchObject({
        status: "voided",
        void_reason: "Mất cuộn tem / a roll of labels was lost",
      })
      const { data } = await api.get(`/producer/lots/${lot.id}/serials`, forA)
      expect(producerLotSerials.parse(data).summary).toEqual({ issued: 5, cap: 200, checked: 2, checked_more_than_once: 0, voided: 4 })
      const stored = await storedSerials(lot.id)
      expect(
        stored
          .filter((s) => s.voided_at)
          .map((s) => s.code)
          .sort()
      ).toEqual([checked, unchecked, ...fromBatch].sort())
    })

    it("voiding: bad input names the field, nothing is voided; producer B cannot void A's serials (404)", async () => {
      const lot = await createLot()
      const { data } = await issue(lot.id, { count: 2, request_key: "req-iiii-0001" })
      const [one] = (await storedSerials(lot.id)).map((s) => s.code)
      const other = await createLot()
      const otherBatch = (await issue(other.id, { count: 1, request_key: "req-iiii-0002" })).data.batch.id as string
      const [theirs] = (await storedSerials(other.id)).map((s) => s.code)
      for (const [body, field] of [
        [{ reason: "Mất tem" }, "serials"],
        [{ serials: [one], batch_id: data.batch.id, reason: "Mất tem" }, "serials"],
        [{ serials: [], reason: "Mất tem" }, "serials"],
        [{ serials: [one, "12345"], reason: "Mất tem" }, "serials\\.1"],
        // Well formed, but not this lot's: a serial never issued, and another lot's.
        [{ serials: [one, "23456789ABCDE"], reason: "Mất tem" }, "serials"],
        [{ serials: [theirs], reason: "Mất tem" }, "serials"],
        [{ batch_id: "no-batch", reason: "Mất tem" }, "batch_id"],
        [{ batch_id: otherBatch, reason: "Mất tem" }, "batch_id"],
        [{ serials: [one] }, "reason"],
        [{ serials: [one], reason: "  " }, "reason"],
      ] as const) {
        const response = await voidSerials(lot.id, body)
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400])
        expect(response.data.message).toMatch(new RegExp(`^${field}: .+ / .+`))
      }
      expect((await storedSerials(lot.id)).filter((s) => s.voided_at)).toEqual([])
      expect((await storedSerials(other.id)).filter((s) => s.voided_at)).toEqual([])

      for (const body of [
        { serials: [one], reason: "B" },
        { batch_id: data.batch.id, reason: "B" },
      ]) {
        const response = await voidSerials(lot.id, body, forB)
        expect(response.status).toBe(404)
        expect(JSON.stringify(response.data)).not.toContain(one)
      }
      expect((await storedSerials(lot.id)).filter((s) => s.voided_at)).toEqual([])
      expect((await check(lot.public_code, one)).data.status).toBe("first")
    })

    it("checks of serials the lot never issued, or voided, flag the lot at the threshold; the curator's flagged list shows it", async () => {
      const lot = await createLot()
      await issue(lot.id, { count: 2, request_key: "req-jjjj-0001" })
      const [valid, lost] = (await storedSerials(lot.id)).map((s) => s.code)
      await voidSerials(lot.id, { serials: [lost], reason: "Tem bị đánh cắp / stolen labels" })
      const flagsOf = async () => {
        const { data } = await api.get(`/producer/lots?product_id=${a.product_ids[0]}&limit=100`, forA)
        return staffLotList.parse(data).lots.find((l) => l.id === lot.id)!.flags
      }
      const flagged = async () => provinceLots.parse((await api.get("/curator/lots?filter=flagged&limit=100", national)).data).lots.map((l) => l.id)

      // A valid serial checked by many people is no flag (a buyer may scan again).
      for (let i = 0; i < 4; i++) await check(lot.public_code, valid)
      const forger = nextPerson()
      expect((await check(lot.public_code, "23456789ABCDE", forger)).status).toBe(404)
      // The same person again within the window counts once.
      expect((await check(lot.public_code, "23456789ABCDE", forger)).status).toBe(404)
      expect((await check(lot.public_code, lost)).status).toBe(410)
      expect(await flagsOf()).toEqual([])
      expect(await flagged()).not.toContain(lot.id)
      const { data: before } = await api.get("/curator/dashboard", national)

      // The third: the flag.
      expect((await check(lot.public_code, "3456789ABCDEF")).status).toBe(404)
      expect(await flagsOf()).toEqual(["unknown_serials_checked"])
      expect(await flagged()).toContain(lot.id)
      const { data: after } = await api.get("/curator/dashboard", national)
      expect(after.dashboard.lots.open_flags).toBe(before.dashboard.lots.open_flags + 1)
    })
  },
})
