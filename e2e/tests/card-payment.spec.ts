import { createHmac } from "node:crypto"
import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

const shot = (name: string) => `test-results/screenshots/${name}-390x844.png`

/** Stripe's webhook request: `Stripe-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "t.body">` (written here from
 * Stripe's documented scheme, not imported, so a change on either side shows up). */
async function postStripeEvent(secret: string, type: string, intent: Record<string, unknown>) {
  const body = JSON.stringify({
    id: `evt_e2e_${Date.now()}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: intent },
  })
  const t = Math.floor(Date.now() / 1000)
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")
  return fetch(`${BACKEND_URL}/hooks/payment/stripe_stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": `t=${t},v1=${v1}` },
    body,
  })
}

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
  const cartResponse = await fetch(`${BACKEND_URL}/store/carts/${cartId}?fields=total,*payment_collection.payment_sessions`, {
    headers: { "x-publishable-api-key": publishableKey },
  })
  const { cart } = await cartResponse.json()
  const session = cart.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_stripe_stripe")
  expect(session.data.amount).toBe(280000) // đồng, never ×100
  const confirmed = await fetch(`${stripe.apiBase}/v1/payment_intents/${session.data.id}/confirm`, {
    method: "POST",
    headers: { authorization: `Bearer ${stripe.apiKey}`, "content-type": "application/x-www-form-urlencoded" },
  })
  expect(confirmed.status).toBe(200)
  const intent = await confirmed.json()
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
