import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { confirmCartIntentOnStripeFake, postStripeEvent } from "../support/payments"

const shot = (name: string) => `test-results/screenshots/${name}-390x844.png`

test("a buyer on a phone pays by card: the card step waits for Stripe.js and says when it cannot load; Stripe's signed webhook pays the order", async ({
  page,
}) => {
  const { honey, stripe, publishableKey } = readStack()

  await page.goto(`/vi/products/${honey.handle}`)
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByTestId("cart-count")).toHaveText("1")

  await page.goto("/vi/checkout")
  await page.getByLabel("Email").fill(`the.${Date.now()}@example.com`)
  await page.getByLabel("Họ và tên").fill("Lê Thu Hà")
  await page.getByLabel("Số điện thoại").fill("0912 345 678")
  await page.getByLabel("Tỉnh/thành phố").selectOption({ label: "Thành phố Hà Nội" })
  const commune = page.getByLabel("Xã/phường")
  await expect(commune.locator("option")).not.toHaveCount(1)
  await commune.selectOption({ index: 1 })
  await page.getByLabel("Số nhà, đường, thôn/xóm").fill("5 Hàng Bài")
  await page.getByRole("radio", { name: "Thẻ (Stripe)" }).check()
  await page.getByRole("button", { name: "Đặt hàng" }).click()

  // The card step: the Payment Element's box, and — Stripe.js cannot load here — the message saying so.
  await expect(page.getByRole("heading", { name: "Thanh toán bằng thẻ" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId("card-amount")).toHaveText(/280\.000\s₫/)
  const box = page.getByTestId("card-element")
  await expect(box).toBeVisible()
  await expect(box.getByRole("alert")).toHaveText(/Không tải được Stripe\.js/, { timeout: 60_000 })
  await expect(page.getByRole("link", { name: "Quay lại chọn cách thanh toán" })).toBeVisible()
  await page.screenshot({ path: shot("card-step"), fullPage: true })

  // What Stripe.js and Stripe would do, from the server side: confirm the cart's intent on the fake, then Stripe's
  // signed payment_intent.succeeded.
  const cartId = (await page.context().cookies()).find((c) => c.name === "ocop_cart")?.value
  expect(cartId).toBeTruthy()
  const { sessionAmount, intent } = await confirmCartIntentOnStripeFake(cartId!, publishableKey, stripe)
  expect(sessionAmount).toBe(280000) // đồng, never ×100
  expect(intent).toMatchObject({ status: "succeeded", amount_received: 280000, currency: "vnd" })

  // A forged event is answered (Medusa queues it) but changes nothing; the genuine one is applied.
  expect((await postStripeEvent(`whsec_${"0".repeat(40)}`, "payment_intent.succeeded", intent)).status).toBe(200)
  expect((await postStripeEvent(stripe.webhookSecret, "payment_intent.succeeded", intent)).status).toBe(200)

  // Stripe's return address: the order is placed (by the shop or already by the webhook) and shown paid.
  await page.goto("/vi/checkout/card/complete")
  await expect(page.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId("payment-state")).toContainText("Đã thanh toán", { timeout: 30_000 })
  await page.screenshot({ path: shot("card-paid"), fullPage: true })
})
