import { runMedusaSuite } from "../../fixtures/medusa-suite"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { configureVietQr } from "../../fixtures/bank-webhook"
import { completeCart, createCart, prepareCheckout } from "../../fixtures/checkout"
import { demoProducts, loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { firstVariantId, inviteProducerMember, listProducersWithProducts } from "../../fixtures/producer"
import { useSmtpFake } from "../../fixtures/smtp-fake"
import { waitFor } from "../../fixtures/wait-for"
import orderPlacedEmails from "../../../src/subscribers/order-placed-emails"

jest.setTimeout(600_000)

const USER = "ocop-mailer"
const PASSWORD = "mat-khau-smtp-don-hang"
const FROM = "Chợ OCOP <no-reply@ocop.example.vn>"

configureVietQr(60)
/** A real SMTP server on a free port, started before the app boots; `refuseOnce` makes it refuse an address's next delivery. */
const smtp = useSmtpFake({ user: USER, password: PASSWORD, from: FROM })
const { refuseOnce, mailsTo } = smtp

/** "1.234.000 ₫", written out here rather than taken from the code under test. */
const vnd = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} ₫`
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
/** A line as the mails list it: the product (and its pack size, if any), the quantity and the line's value. */
const line = (title: string, quantity: number, value: number) =>
  new RegExp(`${escapeRegExp(title)}( \\([^)]*\\))? × ${quantity}: ${escapeRegExp(vnd(value))}`)

runMedusaSuite({
  dbName: `notify_mail_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: Record<string, string>
    let regionId: string
    type Seller = { email: string; headers: Record<string, string>; title: string; price: number; variantId: string }
    let sellers: [Seller, Seller]

    beforeAll(async () => {
      container = getContainer()
      const defaults = await seedDemoCatalog(container)
      headers = { "x-publishable-api-key": defaults.publishableKey }
      regionId = defaults.regionId
      const admin = await loginAdmin(api)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const producers = (await listProducersWithProducts(container)).slice(0, 2)
      expect(producers).toHaveLength(2)
      const found: Seller[] = await Promise.all(
        producers.map(async ({ producer_id, product_ids }, i) => {
          const email = `nguoi.ban.${i}@example.vn`
          const memberHeaders = await inviteProducerMember(api, admin, producer_id, email)
          const { data } = await query.graph({ entity: "product", fields: ["title"], filters: { id: product_ids[0] } })
          const title = (data[0] as { title: string }).title
          const record = demoProducts.find((p) => p.product_name === title)!
          return { email, headers: memberHeaders, title, price: record.price_vnd, variantId: await firstVariantId(container, product_ids[0]) }
        })
      )
      sellers = [found[0], found[1]]
    })

    async function checkout(email: string, provider: string, lines: [Seller, number][]) {
      const cartId = await createCart(api, headers, { regionId, email, lines: lines.map(([seller, quantity]) => [seller.variantId, quantity]) })
      await prepareCheckout(api, headers, cartId, { providerId: provider, shipping: (options) => options.find((o) => o.amount === 30000) })
      return completeCart(api, headers, cartId)
    }

    it("mails the buyer one confirmation with the total and the VietQR details, each producer only its lines, and the buyer the tracking", async () => {
      const [a, b] = sellers
      const buyer = "lan.mua.hang@example.vn"
      const order = await checkout(buyer, "pp_vietqr_vietqr", [
        [a, 2],
        [b, 1],
      ])
      const expectedTotal = a.price * 2 + b.price + 30000
      expect(order.total).toBe(expectedTotal)

      await waitFor(async () => mailsTo(buyer).length && mailsTo(a.email).length && mailsTo(b.email).length, {
        timeoutMs: 60_000,
        what: "the order e-mails",
      })
      const [confirmation, ...more] = mailsTo(buyer)
      expect(more).toHaveLength(0)
      expect(confirmation.subject).toBe(`Chợ OCOP: đã nhận đơn hàng #${order.display_id}`)
      const text = confirmation.text ?? ""
      expect(text).toContain(`Tổng cộng: ${vnd(expectedTotal)}`)
      expect(text).toMatch(line(a.title, 2, a.price * 2))
      expect(text).toMatch(line(b.title, 1, b.price))
      // The transfer details the buyer types into the banking app: the configured account and the session's note.
      const { data } = await api.get(`/store/orders/${order.id}?fields=id,*payment_collections.payment_sessions`, { headers })
      const reference = data.order.payment_collections[0].payment_sessions[0].data.reference
      expect(reference).toMatch(/^OCOP[0-9A-Z]{10}$/)
      expect(text).toContain("Số tài khoản: 1023456789")
      expect(text).toContain("Chủ tài khoản: CONG TY CHO OCOP")
      expect(text).toContain(`Số tiền: ${vnd(expectedTotal)}`)
      expect(text).toContain(`Nội dung chuyển khoản: ${reference}`)
      expect(text).toMatch(/Ngân hàng: \S+/)
      // The order was placed in Vietnamese (no locale): no English part.
      expect(text).not.toContain("Total:")
      expect(String(confirmation.html)).toContain(`<strong>${reference}</strong>`)

      // Each producer: one mail, its own lines and their value, nothing of the other's.
      for (const [seller, quantity, other] of [
        [a, 2, b],
        [b, 1, a],
      ] as const) {
        const mails = mailsTo(seller.email)
        expect(mails).toHaveLength(1)
        expect(mails[0].subject).toBe(`Đơn hàng mới #${order.display_id} / New order #${order.display_id}`)
        expect(mails[0].text).toMatch(line(seller.title, quantity, seller.price * quantity))
        expect(mails[0].text).toContain(`Giá trị hàng của bạn: ${vnd(seller.price * quantity)}`)
        expect(mails[0].text).not.toContain(other.title)
        expect(mails[0].text).not.toContain(vnd(expectedTotal))
      }

      // The event delivered again (a redelivery after a crash): nobody is mailed twice.
      await orderPlacedEmails({ event: { name: "order.placed", data: { id: order.id } }, container } as any)
      expect(mailsTo(buyer)).toHaveLength(1)
      expect(mailsTo(a.email)).toHaveLength(1)
      expect(mailsTo(b.email)).toHaveLength(1)

      // Producer A ships its part: the buyer hears the carrier and tracking number for A's lines only.
      const shipped = await api.post(
        `/producer/orders/${order.id}/fulfillments`,
        { status: "shipped", carrier: "Viettel Post", tracking_number: "VTP-2611-0042" },
        { headers: a.headers }
      )
      expect(shipped.status).toBe(200)
      await waitFor(async () => mailsTo(buyer).length === 2, { timeoutMs: 60_000, what: "the shipped e-mail" })
      const shippedMail = mailsTo(buyer)[1]
      expect(shippedMail.subject).toBe(`Đơn hàng #${order.display_id} đã được gửi đi`)
      expect(shippedMail.text).toContain("qua Viettel Post")
      expect(shippedMail.text).toContain("Mã vận đơn: VTP-2611-0042")
      expect(shippedMail.text).toMatch(line(a.title, 2, a.price * 2))
      expect(shippedMail.text).not.toContain(b.title)
      // Packing is not shipping: B packs, the buyer gets nothing new.
      await api.post(`/producer/orders/${order.id}/fulfillments`, { status: "packed" }, { headers: b.headers })
      const notifications = await waitFor(
        async () => {
          const rows = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id, channel: "email" })
          return rows.every((n: any) => n.status !== "pending") ? rows : undefined
        },
        { what: "the notifications' statuses" }
      )
      expect(notifications!.map((n: any) => [n.template, n.status]).sort()).toEqual([
        ["ocop-order-confirmation", "success"],
        ["ocop-order-shipped", "success"],
        ["ocop-producer-new-order", "success"],
        ["ocop-producer-new-order", "success"],
      ])
      expect(notifications!.map((n: any) => n.idempotency_key)).toContain(`order-placed:${order.id}:buyer#0`)
    })

    it("places the order when the mail server refuses the confirmation, and delivers it on the retry, once", async () => {
      const [a] = sellers
      const buyer = "minh.hop.thu.day@example.vn"
      refuseOnce.add(buyer)
      const producerMailsBefore = mailsTo(a.email).length
      const order = await checkout(buyer, "pp_system_default", [[a, 1]])
      expect(order.total).toBe(a.price + 30000)

      // The workflow engine retries the send 10 s later.
      await waitFor(async () => mailsTo(buyer).length, { timeoutMs: 90_000, what: "the retried confirmation" })
      expect(refuseOnce.has(buyer)).toBe(false)
      const mails = mailsTo(buyer)
      expect(mails).toHaveLength(1)
      expect(mails[0].text).toContain(`Tổng cộng: ${vnd(a.price + 30000)}`)
      // Cash on delivery: no transfer details.
      expect(mails[0].text).not.toContain("Nội dung chuyển khoản")
      // One failed attempt and one delivered, under separate keys.
      // (the row turns "success" just after the server accepted the message)
      const notifications = await waitFor(
        async () => {
          const rows = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id, to: buyer })
          return rows.every((n: any) => n.status !== "pending") ? rows : undefined
        },
        { what: "the delivered notification's status" }
      )
      expect(notifications!.map((n: any) => [n.idempotency_key, n.status]).sort()).toEqual([
        [`order-placed:${order.id}:buyer#0`, "failure"],
        [`order-placed:${order.id}:buyer#1`, "success"],
      ])
      // The producer was mailed once, on the first run.
      // Found by position: in a run here both tests' orders were numbered #1 (display_id), so the number cannot tell them apart.
      expect(
        mailsTo(a.email)
          .slice(producerMailsBefore)
          .map((m) => m.text)
      ).toEqual([expect.stringMatching(line(a.title, 1, a.price))])
    })
  },
})
