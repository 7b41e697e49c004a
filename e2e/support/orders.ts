import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test"
import { BACKEND_URL } from "./stack"

// The steps the split-order journeys share: a buyer's way through checkout and a producer's through the portal.

export type Buyer = { email: string; name: string; phone: string; street: string }

/** Puts the product on the page at `handle` into the cart and waits for the header's count to reach `count`. */
export async function addToCart(page: Page, handle: string, count: number) {
  await page.goto(`/vi/products/${handle}`)
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByTestId("cart-count")).toHaveText(String(count))
}

/** Fills the checkout's contact and a Hà Nội address, chooses how to pay and places the order; waits for the order page. */
export async function placeOrder(page: Page, buyer: Buyer, payment: "Thanh toán khi nhận hàng (COD)" | "Chuyển khoản VietQR" | "Thẻ (Stripe)") {
  await page.goto("/vi/checkout")
  await page.getByLabel("Email").fill(buyer.email)
  await page.getByLabel("Họ và tên").fill(buyer.name)
  await page.getByLabel("Số điện thoại").fill(buyer.phone)
  await page.getByLabel("Tỉnh/thành phố").selectOption({ label: "Thành phố Hà Nội" })
  const commune = page.getByLabel("Xã/phường")
  await expect(commune.locator("option")).not.toHaveCount(1)
  await commune.selectOption({ index: 1 })
  await page.getByLabel("Số nhà, đường, thôn/xóm").fill(buyer.street)
  await page.getByRole("radio", { name: payment }).check()
  await page.getByRole("button", { name: "Đặt hàng" }).click()
}

/** The order's number as the buyer's order page shows it ("Mã đơn hàng: #12"). */
export async function readOrderNumber(page: Page) {
  const text = await page.getByTestId("order-number").textContent()
  const number = text?.match(/#(\d+)/)?.[1]
  if (!number) throw new Error(`no order number in "${text}"`)
  return number
}

/**
 * The buyer's block of one producer's part on the order page. The backend splits an order just after checkout, so
 * the page is reloaded until the blocks are there.
 */
export async function waitForOrderParts(page: Page, count: number) {
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId("order-part")).toHaveCount(count, { timeout: 1_000 })
  }).toPass({ timeout: 30_000, intervals: [1_000] })
}

export function orderPart(page: Page, producerName: string) {
  return page.getByTestId("order-part").filter({ has: page.getByRole("heading", { name: `Người bán: ${producerName}` }) })
}

/**
 * The operator invites the producer's owner; the owner opens the link on a 390-px phone, joins and lands on the
 * portal's dashboard. Each producer comes from its own address (`forwardedFor`, as the proxy in front of the shop
 * would say), so that the journeys' sign-ups stay under the per-address limit of sign-in attempts.
 */
export async function joinAsInvitedProducer(
  browser: Browser,
  request: APIRequestContext,
  token: string,
  producer: { id: string; name: string },
  owner: { name: string; email: string; forwardedFor: string }
) {
  const invite = await request.post(`${BACKEND_URL}/admin/producers/${producer.id}/invites`, {
    headers: { authorization: `Bearer ${token}` },
    data: { role: "owner" },
  })
  expect(invite.status()).toBe(201)
  const link = new URL((await invite.json()).link)
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    extraHTTPHeaders: { "x-forwarded-for": owner.forwardedFor },
  })
  const page = await context.newPage()
  await page.goto(link.pathname + link.search)
  await page.getByLabel("Họ và tên").fill(owner.name)
  await page.getByLabel("Email").fill(owner.email)
  await page.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-nguoi-ban-2026")
  await page.getByRole("button", { name: "Tham gia" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(producer.name)
  return page
}

/** The producer's own part of order `#number` in the portal's order list. */
export async function openPortalOrder(page: Page, number: string) {
  await page.goto("/vi/portal/orders")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đơn hàng")
  const order = page.locator("li.portal-order").filter({ has: page.getByRole("heading", { name: new RegExp(`^#${number} ·`) }) })
  await expect(order).toHaveCount(1)
  return order
}

/** The producer records its part as sent with the carrier's tracking number; the portal then shows it. */
export async function shipPart(page: Page, number: string, carrier: string, tracking: string) {
  const order = await openPortalOrder(page, number)
  await order.getByRole("radio", { name: "Đã gửi hàng" }).check()
  await order.getByLabel("Đơn vị vận chuyển").fill(carrier)
  await order.getByLabel("Mã vận đơn").fill(tracking)
  await order.getByRole("button", { name: "Cập nhật giao hàng" }).click()
  await expect(order).toContainText(`Giao hàng: Đã gửi hàng · ${carrier} · Mã vận đơn: ${tracking}`)
  return order
}
