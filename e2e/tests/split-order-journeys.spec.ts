import { expect, test } from "@playwright/test"
import { adminToken, listCertifiedProduct, readStack, type Listing } from "../support/catalog"
import { seriousViolations } from "../support/curator"
import {
  addToCart,
  joinAsInvitedProducer,
  openPortalOrder,
  orderPart,
  placeOrder,
  readOrderNumber,
  shipPart,
  waitForOrderParts,
} from "../support/orders"
import { confirmCartIntentOnStripeFake, postBankWebhook, postStripeEvent } from "../support/payments"

// Issue 15: one cart with two producers' products is one order and one payment; each producer packs and ships its own
// part, and the buyer follows one block per producer. Prices are 180 000 ₫ and 65 000 ₫; each producer charges the
// default delivery fee of 30 000 ₫, so every order here comes to 180 000 + 65 000 + 2 × 30 000 = 305 000 ₫.

const shot = (name: string) => `test-results/screenshots/${name}-390x844.png`

/** A tea from Sơn La and glass noodles from Cao Bằng, each from its own producer; `tag` keeps each journey's apart. */
function twoProducersGoods(tag: string): [Listing, Listing] {
  return [
    {
      title: `Trà Shan tuyết Hồng Ngài ${tag}`,
      handle: `tra-shan-tuyet-hong-ngai-${tag.toLowerCase()}-e2e`,
      description: "Chè Shan tuyết cổ thụ hái một tôm hai lá trên núi Hồng Ngài.",
      packSize: "Túi 200 g",
      price: 180000,
      producer: { name: `Hợp tác xã Chè Hồng Ngài ${tag}`, type: "cooperative", province: "Sơn La", story: "Chè cổ thụ của người Mông." },
      certificate: { stars: 4, province: "Sơn La", decisionNumber: `121-${tag}/QĐ-UBND`, productGroupCode: "I.5.a" },
    },
    {
      title: `Miến dong Nguyên Bình ${tag}`,
      handle: `mien-dong-nguyen-binh-${tag.toLowerCase()}-e2e`,
      description: "Miến làm từ củ dong riềng trồng trên đất Nguyên Bình, phơi nắng tự nhiên.",
      packSize: "Gói 500 g",
      price: 65000,
      producer: { name: `Hợp tác xã Miến dong Nguyên Bình ${tag}`, type: "cooperative", province: "Cao Bằng", story: "Nghề làm miến truyền thống." },
      certificate: { stars: 3, province: "Cao Bằng", decisionNumber: `245-${tag}/QĐ-UBND`, productGroupCode: "I.3.c" },
    },
  ]
}

async function listTwoProducersGoods(tag: string) {
  const token = await adminToken()
  const [tea, noodles] = twoProducersGoods(tag)
  return { token, tea: await listCertifiedProduct(token, tea), noodles: await listCertifiedProduct(token, noodles) }
}

test("VietQR on a phone: two producers' goods, one QR for the whole order, paid by the bank's webhook, each producer ships its own part", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const { bankWebhookSecret } = readStack()
  const goods = await listTwoProducersGoods("QR")
  const { tea, noodles } = goods

  await addToCart(page, tea.handle, 1)
  await addToCart(page, noodles.handle, 2)
  await placeOrder(
    page,
    { email: `khach.qr.${Date.now()}@example.vn`, name: "Trần Văn Minh", phone: "0987 654 321", street: "12 Phố Huế" },
    "Chuyển khoản VietQR"
  )

  // One QR for the whole order: both producers' goods and both delivery fees.
  await expect(page.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId("payment-state")).toHaveText("Đang chờ tiền về")
  await expect(page.getByRole("img", { name: /Mã VietQR chuyển 305\.000\s₫ tới Vietcombank/ })).toBeVisible()
  await expect(page.getByTestId("transfer-amount")).toHaveText(/305\.000\s₫/)
  const reference = (await page.getByTestId("transfer-reference").textContent())!.trim()
  expect(reference).toMatch(/^OCOP[0-9A-Z]{10}$/)
  const number = await readOrderNumber(page)

  // One block per producer, each with its own goods, subtotal and delivery fee.
  await waitForOrderParts(page, 2)
  const teaPart = orderPart(page, tea.producer.name)
  const noodlesPart = orderPart(page, noodles.producer.name)
  await expect(teaPart).toContainText(tea.title)
  await expect(teaPart).not.toContainText(noodles.title)
  await expect(teaPart).toContainText(/Tạm tính phần này: 180\.000\s₫/)
  await expect(teaPart.getByTestId("part-shipping")).toHaveText(/30\.000\s₫/)
  await expect(noodlesPart).toContainText(noodles.title)
  await expect(noodlesPart).toContainText(/Tạm tính phần này: 65\.000\s₫/)
  await expect(noodlesPart.getByTestId("part-shipping")).toHaveText(/30\.000\s₫/)
  await expect(teaPart.getByRole("status")).toHaveText("Đang chuẩn bị")
  await expect(noodlesPart.getByRole("status")).toHaveText("Đang chuẩn bị")
  expect(await seriousViolations(page)).toEqual([])
  await page.screenshot({ path: shot("split-order-vietqr"), fullPage: true })

  const paid = await postBankWebhook(bankWebhookSecret, {
    id: Date.now(),
    gateway: "Vietcombank",
    accountNumber: "1023456789",
    transferType: "in",
    transferAmount: 305000,
    content: `MBVCB.7712.${reference}.CT tu 0987654321 TRAN VAN MINH`,
  })
  expect(paid.status).toBe(200)
  expect(await paid.json()).toMatchObject({ success: true, outcome: "matched" })
  await expect(page.getByTestId("payment-state")).toContainText("Đã thanh toán", { timeout: 45_000 })
  await expect(page.getByTestId("transfer-qr")).toHaveCount(0)

  // Each producer sees only its own part of the order and ships it.
  const teaPortal = await joinAsInvitedProducer(browser, request, goods.token, tea.producer, {
    name: "Sùng A Páo",
    email: `pao.qr.${Date.now()}@chehongngai.vn`,
    forwardedFor: "198.51.100.10",
  })
  const noodlesPortal = await joinAsInvitedProducer(browser, request, goods.token, noodles.producer, {
    name: "Nông Thị Mai",
    email: `mai.qr.${Date.now()}@miennguyenbinh.vn`,
    forwardedFor: "198.51.100.11",
  })
  const teaOrder = await openPortalOrder(teaPortal, number)
  await expect(teaOrder).toContainText(tea.title)
  await expect(teaOrder).toContainText(/Tiền hàng của bạn: 180\.000\s₫/)
  await expect(teaPortal.getByText(noodles.title)).toHaveCount(0)
  await shipPart(teaPortal, number, "Viettel Post", "VTP8812345678")
  await teaPortal.screenshot({ path: shot("split-order-portal-shipped"), fullPage: true })

  const noodlesOrder = await openPortalOrder(noodlesPortal, number)
  await expect(noodlesOrder).toContainText(noodles.title)
  await expect(noodlesOrder).toContainText(/Tiền hàng của bạn: 65\.000\s₫/)
  await expect(noodlesPortal.getByText(tea.title)).toHaveCount(0)
  await shipPart(noodlesPortal, number, "Giao Hàng Nhanh", "GHN5LKQ7XP")

  // The buyer follows two parcels: one block per producer with its carrier and tracking number.
  await page.reload()
  await expect(teaPart.getByRole("status")).toHaveText("Đã gửi đi · Vận chuyển: Viettel Post · Mã vận đơn: VTP8812345678")
  await expect(noodlesPart.getByRole("status")).toHaveText("Đã gửi đi · Vận chuyển: Giao Hàng Nhanh · Mã vận đơn: GHN5LKQ7XP")
  await expect(page.getByTestId("payment-state")).toContainText("Đã thanh toán")
  await page.screenshot({ path: shot("split-order-shipped"), fullPage: true })
  await teaPortal.context().close()
  await noodlesPortal.context().close()
})

test("card on a phone: two producers' goods, one card payment through Stripe (fake), the order page shows it paid with both parts", async ({
  page,
}) => {
  test.setTimeout(180_000)
  const { stripe, publishableKey } = readStack()
  const { tea, noodles } = await listTwoProducersGoods("THE")

  await addToCart(page, tea.handle, 1)
  await addToCart(page, noodles.handle, 2)
  await placeOrder(
    page,
    { email: `khach.the.${Date.now()}@example.com`, name: "Lê Thu Hà", phone: "0912 345 678", street: "5 Hàng Bài" },
    "Thẻ (Stripe)"
  )

  // One card payment for the whole order; Stripe.js cannot load here, so the page says so.
  await expect(page.getByRole("heading", { name: "Thanh toán bằng thẻ" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId("card-amount")).toHaveText(/305\.000\s₫/)
  await expect(page.getByTestId("card-element").getByRole("alert")).toHaveText(/Không tải được Stripe\.js/, { timeout: 60_000 })

  const cartId = (await page.context().cookies()).find((c) => c.name === "ocop_cart")?.value
  expect(cartId).toBeTruthy()
  const { sessionAmount, intent } = await confirmCartIntentOnStripeFake(cartId!, publishableKey, stripe)
  expect(sessionAmount).toBe(305000)
  expect((await postStripeEvent(stripe.webhookSecret, "payment_intent.succeeded", intent)).status).toBe(200)

  // Stripe's return address: the order is placed and shown paid, one block per producer.
  await page.goto("/vi/checkout/card/complete")
  await expect(page.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId("payment-state")).toContainText(/Đã thanh toán — Chúng tôi đã nhận 305\.000\s₫/, { timeout: 30_000 })
  await waitForOrderParts(page, 2)
  await expect(orderPart(page, tea.producer.name)).toContainText(tea.title)
  await expect(orderPart(page, noodles.producer.name)).toContainText(noodles.title)
  await expect(orderPart(page, noodles.producer.name).getByRole("status")).toHaveText("Đang chuẩn bị")
  await page.screenshot({ path: shot("split-order-card"), fullPage: true })
})

test("cash on delivery on a phone: two producers' goods; one producer ships and confirms delivery, the buyer sees that part delivered", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const goods = await listTwoProducersGoods("COD")
  const { tea, noodles } = goods

  await addToCart(page, tea.handle, 1)
  await addToCart(page, noodles.handle, 2)
  await placeOrder(
    page,
    { email: `khach.cod.${Date.now()}@example.vn`, name: "Phạm Thị Hoa", phone: "0903 111 222", street: "8 Ngõ Huế" },
    "Thanh toán khi nhận hàng (COD)"
  )
  await expect(page.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText(/Bạn sẽ thanh toán 305\.000\s₫ bằng tiền mặt khi nhận hàng/)).toBeVisible()
  const number = await readOrderNumber(page)
  await waitForOrderParts(page, 2)

  const teaPortal = await joinAsInvitedProducer(browser, request, goods.token, tea.producer, {
    name: "Sùng A Páo",
    email: `pao.cod.${Date.now()}@chehongngai.vn`,
    forwardedFor: "198.51.100.30",
  })
  // The portal's own links under the shop's header wrap whole on a phone.
  await teaPortal.screenshot({ path: shot("split-order-portal-dashboard") })
  const teaOrder = await shipPart(teaPortal, number, "Viettel Post", "VTP8899001122")
  await teaOrder.getByRole("button", { name: "Xác nhận đã giao" }).click()
  await expect(teaOrder).toContainText("Giao hàng: Đã giao · Viettel Post · Mã vận đơn: VTP8899001122")
  await expect(teaOrder.getByRole("button", { name: "Xác nhận đã giao" })).toHaveCount(0)

  await page.reload()
  await expect(orderPart(page, tea.producer.name).getByRole("status")).toHaveText("Đã giao · Vận chuyển: Viettel Post · Mã vận đơn: VTP8899001122")
  await expect(orderPart(page, noodles.producer.name).getByRole("status")).toHaveText("Đang chuẩn bị")
  await expect(page.getByText(/Bạn sẽ thanh toán 305\.000\s₫ bằng tiền mặt khi nhận hàng/)).toBeVisible()
  await page.screenshot({ path: shot("split-order-cod-delivered"), fullPage: true })
  await teaPortal.context().close()
})
