import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  adminLotRecalls,
  curatorDashboard,
  lotRecallAnswer,
  producerLotDetail,
  producerOrderAnswer,
  producerOrderList,
  provinceLots,
} from "@ocop/contracts"
import { provinces } from "@ocop/domain/places"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { inviteCurator } from "../../fixtures/curator"
import { failed, firstVariantId, inviteProducerMember, listProducersWithProducts, placeOrder, signedClientAddress } from "../../fixtures/producer"
import { useSmtpFake } from "../../fixtures/smtp-fake"
import { waitFor } from "../../fixtures/wait-for"

// Migrating a fresh database takes minutes on a busy machine.
jest.setTimeout(900_000)

// A flag past 2 × quantity scans, so a lot of 1 unit is flagged by its third scan.
process.env.OCOP_LOT_SCAN_FACTOR = "2"
process.env.VENDOR_PORTAL_URL = "https://cho-ocop.example.vn"

// The buyers' mail goes out over SMTP to a fake relay, so the test reads what the buyer receives.
const { mailsTo } = useSmtpFake({ user: "thu-hoi", password: "mat-khau-thu-hoi", from: "Chợ OCOP <no-reply@cho-ocop.example.vn>" })
/** The recall mail of one lot the buyer received (the buyer also gets the order's own mails). */
const recallMailOf = (lotCode: string) =>
  waitFor(async () => mailsTo("nguoi.mua@example.vn").find((m) => m.subject?.startsWith(`Chợ OCOP: thu hồi lô ${lotCode} `)) ?? null, {
    timeoutMs: 60_000,
    what: `the recall e-mail of lot ${lotCode}`,
  })

let addressCount = 0
/** A different person (address) per call, passed on signed as the shop does. */
const nextPerson = () => signedClientAddress(`198.51.100.${++addressCount}`)

/**
 * Lots reach orders (issue 17): a producer names the lot of each line when shipping; a recall lists those orders to
 * the producer, mails their buyers and shows on the buyer's order parts; the curator's dashboard counts lots, scans,
 * open flags and recalls. Producer B can neither name A's lot nor see A's orders.
 */
runMedusaSuite({
  dbName: `lots_recall_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Record<string, string>
    let a: { producer_id: string; product_ids: string[] }
    let b: { producer_id: string; product_ids: string[] }
    let forA: { headers: Record<string, string> }
    let forB: { headers: Record<string, string> }
    let national: { headers: Record<string, string> }
    let order: { id: string; display_id: number; items: { id: string; product_id: string }[] }
    let lineA: string
    let lineA2: string
    let lineB: string

    beforeAll(async () => {
      const container = getContainer()
      const defaults = await seedDemoCatalog(container)
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      ;[a, b] = await listProducersWithProducts(container)
      // The demo's Cầu Kè coconut company sells two products: one lot must not fit the other's line.
      expect(a.product_ids.length).toBeGreaterThanOrEqual(2)
      const admin = await loginAdmin(api)
      forA = { headers: await inviteProducerMember(api, admin, a.producer_id, "lo@dua-sap.vn") }
      forB = { headers: await inviteProducerMember(api, admin, b.producer_id, "lo@htx-b.vn") }
      national = { headers: await inviteCurator(api, admin, "truy-xuat@ocop.gov.vn", { scope: "national" }) }
      const variants = await Promise.all([a.product_ids[0], a.product_ids[1], b.product_ids[0]].map((id) => firstVariantId(container, id)))
      order = (await placeOrder(container, defaults, variants)) as any
      const lineOf = (productId: string) => order.items.find((i) => i.product_id === productId)!.id
      ;[lineA, lineA2, lineB] = [lineOf(a.product_ids[0]), lineOf(a.product_ids[1]), lineOf(b.product_ids[0])]
    })

    let lotCounter = 0
    const createLot = async (headers: { headers: Record<string, string> }, productId: string, quantity = 200) => {
      const { data } = await api.post(
        "/producer/lots",
        { product_id: productId, code: `TH-${++lotCounter}`, made_on: "2026-11-01", best_before: "2027-05-01", quantity },
        headers
      )
      return data.lot as { id: string; code: string; public_code: string }
    }
    const ship = (headers: { headers: Record<string, string> }, lots: unknown, tracking = "VN-TRUY-1") =>
      failed(api.post(`/producer/orders/${order.id}/fulfillments`, { status: "shipped", tracking_number: tracking, lots }, headers))

    it("the curator's dashboard starts with no lots, scans, flags or recalls", async () => {
      const { data } = await api.get("/curator/dashboard", national)
      expect(curatorDashboard.parse(data).dashboard.lots).toMatchObject({ recorded: 0, scans_30_days: 0, open_flags: 0, recalled: 0 })
    })

    // One test: Medusa's runner restores the database before each test.
    it("a producer names its own lot of each line when shipping, any other is refused; a recall reaches the orders", async () => {
      const lotA = await createLot(forA, a.product_ids[0])
      expect(lotA.public_code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)
      const lotB = await createLot(forB, b.product_ids[0])

      // B names A's lot for its own line: unknown to B, nothing recorded.
      const theirs = await ship(forB, [{ line_item_id: lineB, lot_id: lotA.id }])
      expect(theirs.status).toBe(400)
      expect(theirs.data.message).toBe(`lots: không tìm thấy lô ${lotA.id} của bạn / lot ${lotA.id} is not one of yours`)
      // B names its lot for A's line.
      const notOwnLine = await ship(forB, [{ line_item_id: lineA, lot_id: lotB.id }])
      expect(notOwnLine.status).toBe(400)
      expect(notOwnLine.data.message).toMatch(/^lots: dòng .* không thuộc phần đơn của bạn \/ line .* is not in your part of the order$/)
      // A names its lot of one product for its line of the other product.
      const otherProduct = await ship(forA, [{ line_item_id: lineA2, lot_id: lotA.id }])
      expect(otherProduct.status).toBe(400)
      expect(otherProduct.data.message).toMatch(/^lots: lô .* không phải của sản phẩm trong dòng/)
      const malformed = await ship(forA, [{ line_item_id: lineA }])
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toMatch(/lot_id/)
      // The refused shipments changed nothing: the part is not shipped.
      const { data: refusedParts } = await api.get(`/store/orders/${order.id}/parts`, { headers: storeHeaders })
      expect(refusedParts.parts.filter((p: any) => p.status === "shipped")).toEqual([])

      const shipped = await ship(forA, [{ line_item_id: lineA, lot_id: lotA.id }])
      expect(shipped.status).toBe(200)
      expect((await ship(forB, [{ line_item_id: lineB, lot_id: lotB.id }], "VN-TRUY-2")).status).toBe(200)

      // The producer's order list names the lot of each shipped line with its units; B's list shows only B's lot.
      const unitsOfLineA = producerOrderAnswer.parse(shipped.data).order.items.find((i) => i.id === lineA)!.quantity
      const listedA = producerOrderList.parse((await api.get("/producer/orders", forA)).data).orders.find((o) => o.id === order.id)!
      expect(Object.fromEntries(listedA.items.map((i) => [i.id, i.lots]))).toEqual({
        [lineA]: [{ lot_id: lotA.id, code: lotA.code, public_code: lotA.public_code, quantity: unitsOfLineA }],
        [lineA2]: [],
      })
      const listedB = producerOrderList.parse((await api.get("/producer/orders", forB)).data).orders.find((o) => o.id === order.id)!
      expect(listedB.items.map((i) => [i.id, i.lots.map((l) => l.code)])).toEqual([[lineB, [lotB.code]]])

      const { data } = await api.get(`/producer/lots/${lotA.id}`, forA)
      const detail = producerLotDetail.parse(data)
      expect(detail.affected_orders).toEqual([
        expect.objectContaining({ order_id: order.id, display_id: order.display_id, line_item_ids: [lineA], part_status: "shipped" }),
      ])
      // B's lot lists the same order with B's line only; B cannot open A's lot at all.
      const { data: ofB } = await api.get(`/producer/lots/${lotB.id}`, forB)
      expect(ofB.affected_orders.map((o: any) => o.line_item_ids)).toEqual([[lineB]])
      expect((await failed(api.get(`/producer/lots/${lotA.id}`, forB))).status).toBe(404)
      expect((await failed(api.post(`/producer/lots/${lotA.id}/recall`, { reason: "Thử" }, forB))).status).toBe(404)

      // The recall: the affected orders listed, their buyers mailed, their order parts marked; the dashboard counts it.
      // Two scans of A's lot; a 1-unit lot scanned three times is flagged (3 > 2 × 1).
      const scan = async (publicCode: string) => {
        const answer = await failed(api.post(`/store/ocop/lots/${publicCode}/scans`, {}, { headers: { ...storeHeaders, ...nextPerson() } }))
        expect([answer.status, answer.data]).toEqual([201, { counted: true }])
      }
      for (let i = 0; i < 2; i++) await scan(lotA.public_code)
      const small = await createLot(forA, a.product_ids[1], 1)
      for (let i = 0; i < 3; i++) await scan(small.public_code)

      const reason = "Phát hiện nấm mốc trong lô / mould found in the lot"
      const recalled = producerLotDetail.parse((await api.post(`/producer/lots/${lotA.id}/recall`, { reason }, forA)).data)
      expect(recalled.lot.status).toBe("recalled")
      expect(recalled.affected_orders.map((o) => o.order_id)).toEqual([order.id])

      // The buyer's e-mail, through the Notification Module like the other order e-mails.
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const mails = await waitFor(
        async () => {
          const rows = await notifications.listNotifications({ resource_id: order.id, template: "ocop-lot-recall" } as any)
          return rows.length ? rows : null
        },
        { timeoutMs: 60_000, what: "the recall e-mail" }
      )
      expect(mails).toHaveLength(1)
      const mail = mails![0]
      expect(mail.to).toBe("nguoi.mua@example.vn")
      expect(mail.data?.subject).toBe(`Chợ OCOP: thu hồi lô ${lotA.code} trong đơn hàng #${order.display_id}`)
      // As delivered: the line shipped whole from the lot (2 units), and the reason.
      const delivered = await recallMailOf(lotA.code)
      expect(delivered!.text).toContain("Số lượng từ lô này: 2")
      expect(delivered!.text).toContain(`Lý do: ${reason}`)

      // The buyer's order page data: A's part carries the recalled lot, B's part none.
      const { data: parts } = await api.get(`/store/orders/${order.id}/parts`, { headers: storeHeaders })
      const partOf = (producerId: string) => parts.parts.find((p: any) => p.producer?.id === producerId)
      expect(partOf(a.producer_id).recalled_lots).toEqual([
        expect.objectContaining({ code: lotA.code, public_code: lotA.public_code, recall_reason: reason, line_item_ids: [lineA] }),
      ])
      expect(partOf(b.producer_id).recalled_lots).toEqual([])

      // A recalled lot cannot be named on a shipment any more.
      const again = await ship(forA, [{ line_item_id: lineA, lot_id: lotA.id }])
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/^lots: lô .* đã bị thu hồi/)

      // Lots recorded in this suite: A's two, B's one; 5 scans; the small lot's flag is open; one recall.
      const { data: board } = await api.get("/curator/dashboard", national)
      expect(curatorDashboard.parse(board).dashboard.lots).toMatchObject({ recorded: 3, scans_30_days: 5, open_flags: 1, recalled: 1 })
    })

    it("a line of 2 may ship 1 from each of two lots; quantities are checked; a curator's recall and the operator list the orders", async () => {
      const [lotA1, lotA2, lotOther] = [
        await createLot(forA, a.product_ids[0]),
        await createLot(forA, a.product_ids[0]),
        await createLot(forA, a.product_ids[1]),
      ]
      const lotB = await createLot(forB, b.product_ids[0])
      // The order's lines hold 2 units each (placeOrder).
      const sumMismatch = await ship(forA, [{ line_item_id: lineA, lot_id: lotA1.id, quantity: 1 }])
      expect([sumMismatch.status, sumMismatch.data.message]).toEqual([
        400,
        `lots: số lượng các lô của dòng ${lineA} cộng lại là 1, dòng gửi 2 / the lot quantities of line ${lineA} add up to 1, the line ships 2`,
      ])
      const splitWithoutQuantities = await ship(forA, [
        { line_item_id: lineA, lot_id: lotA1.id },
        { line_item_id: lineA, lot_id: lotA2.id },
      ])
      expect([splitWithoutQuantities.status, splitWithoutQuantities.data.message]).toEqual([
        400,
        expect.stringMatching(/^lots: dòng .* lấy từ 2 lô, cần ghi số lượng/),
      ])
      const twice = await ship(forA, [
        { line_item_id: lineA, lot_id: lotA1.id, quantity: 1 },
        { line_item_id: lineA, lot_id: lotA1.id, quantity: 1 },
      ])
      expect([twice.status, twice.data.message]).toEqual([400, expect.stringMatching(/^lots: lô .* được nêu hai lần cho dòng/)])
      const theirLot = await ship(forA, [
        { line_item_id: lineA, lot_id: lotA1.id, quantity: 1 },
        { line_item_id: lineA, lot_id: lotB.id, quantity: 1 },
      ])
      expect([theirLot.status, theirLot.data.message]).toEqual([
        400,
        `lots: không tìm thấy lô ${lotB.id} của bạn / lot ${lotB.id} is not one of yours`,
      ])
      const zero = await ship(forA, [{ line_item_id: lineA, lot_id: lotA1.id, quantity: 0 }])
      expect([zero.status, zero.data.message]).toEqual([400, "lots.0.quantity: ít nhất 1 / at least 1"])
      const { data: refusedParts } = await api.get(`/store/orders/${order.id}/parts`, { headers: storeHeaders })
      expect(refusedParts.parts.filter((p: any) => p.status === "shipped")).toEqual([])

      // 1 + 1 from two lots for one line; the other line names its lot alone, without a quantity (all 2 units).
      const shipped = await ship(forA, [
        { line_item_id: lineA, lot_id: lotA1.id, quantity: 1 },
        { line_item_id: lineA, lot_id: lotA2.id, quantity: 1 },
        { line_item_id: lineA2, lot_id: lotOther.id },
      ])
      expect(shipped.status).toBe(200)
      const detailOf = async (lotId: string) => producerLotDetail.parse((await api.get(`/producer/lots/${lotId}`, forA)).data).affected_orders
      expect((await detailOf(lotA2.id)).map((o) => [o.order_id, o.line_item_ids, o.quantity])).toEqual([[order.id, [lineA], 1]])
      expect((await detailOf(lotOther.id)).map((o) => [o.order_id, o.line_item_ids, o.quantity])).toEqual([[order.id, [lineA2], 2]])

      // Curators: the lot's province lists and may recall it (the answer lists the order); another province gets 404.
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
      const ours = { headers: await inviteCurator(api, admin, "thu-hoi@so-nn.vn", { province_codes: [province] }) }
      const theirs = {
        headers: await inviteCurator(api, admin, "thu-hoi@tinh-khac.vn", { province_codes: [provinces.find((p) => p.code !== province)!.code] }),
      }

      const listed = provinceLots.parse((await api.get("/curator/lots?limit=100", ours)).data)
      expect(listed.lots.find((l) => l.id === lotA1.id)).toMatchObject({
        code: lotA1.code,
        status: "active",
        scans_30_days: 0,
        producer_name: expect.any(String),
      })
      expect(listed.count).toBeGreaterThanOrEqual(2)
      const onePage = provinceLots.parse((await api.get("/curator/lots?limit=1&offset=1", ours)).data)
      expect([onePage.lots.length, onePage.count, onePage.offset]).toEqual([1, listed.count, 1])
      expect(onePage.lots[0].id).toBe(listed.lots[1].id)
      const badFilter = await failed(api.get("/curator/lots?filter=stolen", ours))
      expect([badFilter.status, badFilter.data.message]).toEqual([400, expect.stringMatching(/^filter: /)])
      expect(JSON.stringify((await api.get("/curator/lots?limit=100", theirs)).data)).not.toContain(lotA1.id)

      const refused = await failed(api.post(`/curator/lots/${lotA1.id}/recall`, { reason: "không phải tỉnh mình" }, theirs))
      expect(refused.status).toBe(404)
      const noReason = await failed(api.post(`/curator/lots/${lotA1.id}/recall`, {}, ours))
      expect([noReason.status, noReason.data.message]).toEqual([400, expect.stringMatching(/^reason: /)])
      const reason = "Hậu kiểm: vượt ngưỡng vi sinh / microbial limit exceeded"
      const answer = lotRecallAnswer.parse((await api.post(`/curator/lots/${lotA1.id}/recall`, { reason }, ours)).data)
      expect(answer.lot).toMatchObject({ status: "recalled", recall_reason: reason })
      expect(answer.affected_orders).toEqual([
        expect.objectContaining({ order_id: order.id, display_id: order.display_id, line_item_ids: [lineA], quantity: 1, part_status: "shipped" }),
      ])
      // The buyer is told 1 unit of the line came from the recalled lot (the other came from lot A2).
      expect((await recallMailOf(lotA1.code))!.text).toContain("Số lượng từ lô này: 1")
      const recalledOnly = provinceLots.parse((await api.get("/curator/lots?filter=recalled&limit=100", ours)).data)
      expect(recalledOnly.lots.map((l) => l.id)).toEqual([lotA1.id])
      expect(recalledOnly.count).toBe(1)

      // The operator's list needs an admin: no token, or a curator's, is refused.
      expect((await failed(api.get("/admin/lots/recalls"))).status).toBe(401)
      expect((await failed(api.get("/admin/lots/recalls", ours))).status).toBe(401)
      const { data } = await api.get("/admin/lots/recalls", { headers: admin })
      const recalls = adminLotRecalls.parse(data)
      expect(recalls.count).toBe(1)
      expect(recalls.recalls[0]).toMatchObject({
        lot: { id: lotA1.id, code: lotA1.code, recall_reason: reason },
        recalled_by: { type: "curator", email: "thu-hoi@so-nn.vn" },
        affected_orders: [
          expect.objectContaining({
            order_id: order.id,
            display_id: order.display_id,
            part_status: "shipped",
            email: "nguoi.mua@example.vn",
            quantity: 1,
          }),
        ],
      })
    })
  },
})
