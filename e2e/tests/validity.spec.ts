import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

// Issue 13: a certificate whose list gives no decision date is certified, but nothing says until when; the shop
// never calls it "Còn hiệu lực".
test("a product certified without a decision date shows its stars with 'validity not verified', never 'valid'", async ({ page, request }) => {
  const { publishableKey } = readStack()
  const headers = { "x-publishable-api-key": publishableKey }
  const { hits } = await (await request.get(`${BACKEND_URL}/store/ocop/search?q=${encodeURIComponent("Chè đinh")}&limit=5`, { headers })).json()
  const hit = hits.find((h: { title: string }) => h.title === "Chè đinh")
  expect(hit).toMatchObject({ certification_status: "unknown_validity", stars: 5 })

  await page.goto(`/vi/products/${hit.handle}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chè đinh")
  await expect(page.getByLabel("Sản phẩm OCOP 5 sao, chưa xác minh thời hạn chứng nhận")).toBeVisible()
  await expect(page.getByTestId("certificate-status")).toHaveText("Chưa xác minh thời hạn")
  await expect(page.getByTestId("certificate-valid-until")).toHaveText("Chưa xác minh thời hạn")
  await expect(page.getByText("Còn hiệu lực", { exact: true })).toHaveCount(0)
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}")
  expect(jsonLd.hasCertification).toMatchObject({ name: "OCOP 5 sao" })
  expect(jsonLd.hasCertification).not.toHaveProperty("expires")

  await page.getByRole("link", { name: "Xem và kiểm tra chứng nhận" }).click()
  await expect(page.getByRole("status").filter({ hasText: "chưa xác minh được thời hạn chứng nhận" })).toBeVisible()
  await expect(page.getByText("Chứng nhận này còn hiệu lực.")).toHaveCount(0)
})
