import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { postBankWebhook } from "../support/payments"

const shot = (name: string) => `test-results/screenshots/${name}-390x844.png`

test("a buyer on a phone pays by VietQR: the order page shows the QR and amount, then 'paid' once the bank's webhook lands", async ({ page }) => {
  const { honey, bankWebhookSecret } = readStack()

  await page.goto(`/vi/products/${honey.handle}`)
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByTestId("cart-count")).toHaveText("1")

  await page.goto("/vi/checkout")
  await page.getByLabel("Email").fill(`khach.${Date.now()}@example.vn`)
  await page.getByLabel("Họ và tên").fill("Trần Văn Minh")
  await page.getByLabel("Số điện thoại").fill("0987 654 321")
  await page.getByLabel("Tỉnh/thành phố").selectOption({ label: "Thành phố Hà Nội" })
  const commune = page.getByLabel("Xã/phường")
  await expect(commune.locator("option")).not.toHaveCount(1)
  await commune.selectOption({ index: 1 })
  await page.getByLabel("Số nhà, đường, thôn/xóm").fill("12 Phố Huế")
  // Cash on delivery stays the default; VietQR is offered beside it.
  await expect(page.getByRole("radio", { name: "Thanh toán khi nhận hàng (COD)" })).toBeChecked()
  await page.getByRole("radio", { name: "Chuyển khoản VietQR" }).check()
  await page.getByRole("button", { name: "Đặt hàng" }).click()

  // Placing the order is four backend calls and Medusa's cart completion: slow on a loaded machine.
  await expect(page.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId("payment-state")).toHaveText("Đang chờ tiền về")
  await expect(page.getByRole("img", { name: /Mã VietQR chuyển 280\.000\s₫ tới Vietcombank/ })).toBeVisible()
  await expect(page.getByTestId("transfer-amount")).toHaveText(/280\.000\s₫/)
  await expect(page.getByTestId("transfer-account")).toHaveText("1023456789")
  await expect(page.getByTestId("transfer-bank")).toHaveText("Vietcombank")
  const reference = (await page.getByTestId("transfer-reference").textContent())!.trim()
  expect(reference).toMatch(/^OCOP[0-9A-Z]{10}$/)
  await expect(page.getByRole("button", { name: "Sao chép: Nội dung chuyển khoản" })).toBeVisible()
  // The QR fits the phone's width.
  const box = await page.getByTestId("transfer-qr").boundingBox()
  expect(box!.width).toBeLessThanOrEqual(390)
  await page.screenshot({ path: shot("vietqr-order"), fullPage: true })

  // A forged webhook changes nothing.
  const forged = await postBankWebhook("0".repeat(64), { id: 1, transferType: "in", transferAmount: 280000, content: reference })
  expect(forged.status).toBe(401)

  const paid = await postBankWebhook(bankWebhookSecret, {
    id: Date.now(),
    gateway: "Vietcombank",
    accountNumber: "1023456789",
    transferType: "in",
    transferAmount: 280000,
    content: `MBVCB.5521.${reference}.CT tu 0987654321 TRAN VAN MINH`,
  })
  expect(paid.status).toBe(200)
  expect(await paid.json()).toMatchObject({ success: true, outcome: "matched" })

  // The page refreshes itself while it waits.
  await expect(page.getByTestId("payment-state")).toContainText("Đã thanh toán", { timeout: 45_000 })
  await expect(page.getByTestId("transfer-qr")).toHaveCount(0)
  await page.screenshot({ path: shot("vietqr-paid"), fullPage: true })
})
