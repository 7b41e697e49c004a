import { runMedusaSuite } from "../../fixtures/medusa-suite"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { QRPay } from "vietnam-qr-pay"
import { bankTransaction, configureVietQr, signedRequest } from "../../fixtures/bank-webhook"
import { loginAdmin } from "../../fixtures/demo-catalog"
import { expireUnpaidPayments } from "../../../src/jobs/expire-unpaid-payments"
import { parseConfig } from "../../../src/lib/config"
import { REQUIRED_SECRETS } from "../../fixtures/required-secrets"
import { completeCart, createCart, minutesAfterSessionOpened, openDemoShop, prepareCheckout } from "../../fixtures/checkout"

jest.setTimeout(300_000)

// Before the app starts: medusa-config.ts registers the provider only when these are set.
const SECRET = configureVietQr(60)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: Record<string, string>
    let regionId: string
    let stockLocationId: string
    let variantId: string
    let admin: Record<string, string>

    beforeAll(async () => {
      container = getContainer()
      ;({ headers, regionId, stockLocationId, variantId } = await openDemoShop(container))
    })

    beforeEach(async () => {
      admin = await loginAdmin(api)
    })

    /** A buyer's checkout paid by VietQR: the order is placed, the QR shown, the payment waits for the bank. */
    async function placeVietQrOrder(quantity = 1) {
      const cartId = await createCart(api, headers, { regionId, email: "lan@example.vn", lines: [[variantId, quantity]] })
      await prepareCheckout(api, headers, cartId, { providerId: "pp_vietqr_vietqr" })
      const placed = await completeCart(api, headers, cartId)
      // What the shop's order page reads.
      const { data } = await api.get(`/store/orders/${placed.id}?fields=id,total,*payment_collections.payment_sessions`, { headers })
      const session = data.order.payment_collections[0].payment_sessions[0]
      return { order: data.order, session, transfer: session.data as { reference: string; amount: number; qr: string } }
    }

    async function paymentStatus(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,payment_status`, { headers: admin })
      return data.order.payment_status
    }

    const postWebhook = (request: { raw: string; headers: Record<string, string> }) =>
      api.post("/hooks/bank-transfers", request.raw, { headers: request.headers, validateStatus: () => true })

    const heldTransfers = async (outcome: string) =>
      (await api.get(`/admin/bank-transfers?outcome=${outcome}`, { headers: admin })).data.bank_transfers

    it("offers VietQR at checkout; the order shows a NAPAS QR for the exact VND total and is paid once by the bank's webhook", async () => {
      const { data: providers } = await api.get(`/store/payment-providers?region_id=${regionId}`, { headers })
      expect(providers.payment_providers.map((p: any) => p.id).sort()).toEqual(["pp_system_default", "pp_vietqr_vietqr"])

      const { order, session, transfer } = await placeVietQrOrder(2)
      expect(session.status).toBe("pending_authorization")
      expect(transfer.amount).toBe(order.total)
      expect(transfer.reference).toMatch(/^OCOP[0-9A-Z]{10}$/)
      const qr = new QRPay(transfer.qr)
      expect(qr.isValid).toBe(true) // the CRC checks out
      expect(qr.provider.data).toContain("970436")
      expect(qr.consumer.bankNumber).toBe("1023456789")
      expect(qr.amount).toBe(String(order.total)) // đồng, never ×100
      expect(qr.additionalData.purpose).toBe(transfer.reference)
      expect(await paymentStatus(order.id)).toBe("awaiting")

      // Banks add their own words around the note.
      const paid = signedRequest(SECRET, bankTransaction({ amount: order.total, content: `MBVCB.8841.${transfer.reference}.CT tu 0123 NGUYEN LAN` }))
      const first = await postWebhook(paid)
      expect(first.status).toBe(200)
      expect(first.data).toMatchObject({ success: true, outcome: "matched", duplicate: false })
      expect(await paymentStatus(order.id)).toBe("captured")

      // The service retries (same transaction, newly signed): applied once.
      const replay = await postWebhook(signedRequest(SECRET, JSON.parse(paid.raw)))
      expect(replay.status).toBe(200)
      expect(replay.data).toMatchObject({ outcome: "matched", duplicate: true })
      const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.captures.amount`, { headers: admin })
      const captures = data.order.payment_collections.flatMap((c: any) => c.payments.flatMap((p: any) => p.captures))
      expect(captures.map((c: any) => Number(c.amount))).toEqual([order.total])
      expect(await heldTransfers("matched")).toHaveLength(1)
    })

    it("refuses a bad signature, a stale or missing timestamp with 401 and changes nothing", async () => {
      const { order, transfer } = await placeVietQrOrder()
      const body = bankTransaction({ amount: order.total, content: transfer.reference })

      const forged = signedRequest("f".repeat(64), body)
      expect((await postWebhook(forged)).status).toBe(401)
      const tampered = signedRequest(SECRET, body)
      const more = await postWebhook({
        ...tampered,
        raw: tampered.raw.replace(`"transferAmount":${order.total}`, `"transferAmount":${order.total + 1}`),
      })
      expect(more.status).toBe(401)
      const stale = await postWebhook(signedRequest(SECRET, body, Math.floor(Date.now() / 1000) - 3600))
      expect(stale.status).toBe(401)
      expect(stale.data.message).toMatch(/^x-ocop-timestamp: /)
      const unsigned = await api.post("/hooks/bank-transfers", body, { validateStatus: () => true })
      expect(unsigned.status).toBe(401)

      expect(await paymentStatus(order.id)).toBe("awaiting")
      const { data } = await api.get("/admin/bank-transfers", { headers: admin })
      expect(data.count).toBe(0)

      // Signed but malformed: the field is named.
      const broken = await postWebhook(signedRequest(SECRET, { ...body, transferAmount: "lots" }))
      expect(broken.status).toBe(400)
      expect(broken.data.message).toMatch(/^transferAmount: /)
    })

    it("holds a wrong amount and an unknown reference for the operator, who confirms the order by hand", async () => {
      const { order, transfer } = await placeVietQrOrder()

      const short = await postWebhook(signedRequest(SECRET, bankTransaction({ amount: order.total - 1000, content: transfer.reference })))
      expect(short.data).toMatchObject({ success: true, outcome: "amount_mismatch" })
      const stranger = await postWebhook(signedRequest(SECRET, bankTransaction({ amount: order.total, content: "OCOPZZZZZZZZZZ chuyen tien" })))
      expect(stranger.data).toMatchObject({ outcome: "unknown_reference" })
      const noNote = await postWebhook(signedRequest(SECRET, bankTransaction({ amount: order.total, content: "chuyen tien hang" })))
      expect(noNote.data).toMatchObject({ outcome: "unknown_reference" })
      const outgoing = await postWebhook(
        signedRequest(SECRET, bankTransaction({ amount: order.total, content: transfer.reference, transferType: "out" }))
      )
      expect(outgoing.data).toMatchObject({ outcome: "not_incoming" })
      expect(await paymentStatus(order.id)).toBe("awaiting")

      const [mismatch] = await heldTransfers("amount_mismatch")
      expect(mismatch).toMatchObject({ order_id: order.id, reference: transfer.reference, amount: order.total - 1000 })
      expect((await heldTransfers("unknown_reference")).map((t: any) => t.note).sort()).toEqual(["OCOPZZZZZZZZZZ chuyen tien", "chuyen tien hang"])

      const blank = await api.post(`/admin/bank-transfers/orders/${order.id}/confirm`, {}, { headers: admin, validateStatus: () => true })
      expect(blank.status).toBe(400)
      expect(blank.data.message).toMatch(/^note: /)
      const confirmed = await api.post(
        `/admin/bank-transfers/orders/${order.id}/confirm`,
        { note: "Sao kê VCB 28/11: đủ tiền, thiếu mã" },
        { headers: admin }
      )
      expect(confirmed.data).toMatchObject({ outcome: "matched", bank_transfer: { source: "manual", amount: order.total } })
      expect(await paymentStatus(order.id)).toBe("captured")
      // A late exact transfer for a paid order is held, never captured twice.
      const late = await postWebhook(signedRequest(SECRET, bankTransaction({ amount: order.total, content: transfer.reference })))
      expect(late.data).toMatchObject({ outcome: "already_paid" })
    })

    it("cancels an order left unpaid past the expiry and releases its stock; a transfer that comes later is held", async () => {
      const inventory = container.resolve(Modules.INVENTORY)
      const item = await inventory.createInventoryItems({ title: "kho thử VietQR" })
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.PRODUCT]: { variant_id: variantId },
        [Modules.INVENTORY]: { inventory_item_id: item.id },
      })
      await inventory.createInventoryLevels([{ inventory_item_id: item.id, location_id: stockLocationId, stocked_quantity: 5 }])
      await container.resolve(Modules.PRODUCT).updateProductVariants(variantId, { manage_inventory: true })

      const { order, session, transfer } = await placeVietQrOrder(3)
      const after = (minutes: number) => minutesAfterSessionOpened(container, session.id, minutes)
      const reserved = async () => (await inventory.listInventoryLevels({ inventory_item_id: item.id }))[0].reserved_quantity
      expect(await reserved()).toBe(3)

      // Not yet due: 59 minutes after the order.
      expect(await expireUnpaidPayments(container, await after(59))).toEqual([])
      expect(await reserved()).toBe(3)
      expect(await expireUnpaidPayments(container, await after(61))).toEqual([order.id])
      expect(await reserved()).toBe(0)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=status`, { headers: admin })
      expect(data.order.status).toBe("canceled")
      expect(await expireUnpaidPayments(container, await after(120))).toEqual([])

      const late = await postWebhook(signedRequest(SECRET, bankTransaction({ amount: order.total, content: transfer.reference })))
      expect(late.data).toMatchObject({ outcome: "order_canceled" })
      expect(await paymentStatus(order.id)).not.toBe("captured")
    })
  },
})

describe("VietQR configuration", () => {
  const base = REQUIRED_SECRETS
  const vietqr = {
    OCOP_VIETQR_BANK_BIN: "970436",
    OCOP_VIETQR_ACCOUNT_NUMBER: "1023456789",
    OCOP_VIETQR_ACCOUNT_NAME: "CONG TY CHO OCOP",
    OCOP_VIETQR_WEBHOOK_SECRET: "e".repeat(32),
  }

  it("is off unless configured, and refuses half a configuration naming each missing variable", () => {
    expect(parseConfig(base).vietqr).toBeUndefined()
    expect(parseConfig({ ...base, ...vietqr }).vietqr).toMatchObject({ bankBin: "970436", expiryMinutes: 1440 })
    const half = () => parseConfig({ ...base, OCOP_VIETQR_BANK_BIN: "970436", OCOP_VIETQR_ACCOUNT_NUMBER: "1023456789" })
    expect(half).toThrow(/- OCOP_VIETQR_ACCOUNT_NAME: cần cho VietQR/)
    expect(half).toThrow(/- OCOP_VIETQR_WEBHOOK_SECRET: cần cho VietQR/)
    expect(() => parseConfig({ ...base, ...vietqr, OCOP_VIETQR_BANK_BIN: "97043" })).toThrow(/- OCOP_VIETQR_BANK_BIN: 6 chữ số/)
    expect(() => parseConfig({ ...base, ...vietqr, OCOP_VIETQR_WEBHOOK_SECRET: "short" })).toThrow(/- OCOP_VIETQR_WEBHOOK_SECRET: ít nhất 32 ký tự/)
  })
})
