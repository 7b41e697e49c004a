import { expect, test } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
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
  const info = page.locator(".product-info")
  await expect(info.getByLabel("Sản phẩm OCOP 5 sao, chưa xác minh thời hạn chứng nhận")).toBeVisible()
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

test("a product listed twice with different ratings shows both in its rating history, the later one current", async ({ page, request }) => {
  const token = await adminToken()
  const auth = { authorization: `Bearer ${token}` }
  const list = [
    "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định",
    "1,Miến dong Bình Liêu (nâng hạng),HTX Miến dong Bình Liêu,Bình Liêu,Bình Liêu,Quảng Ninh,4,1500/QĐ-UBND,12/08/2025",
    "2,Miến dong Bình Liêu,HTX Miến dong Bình Liêu,Bình Liêu,Bình Liêu,Quảng Ninh,3,820/QĐ-UBND,05/06/2022",
    "",
  ].join("\n")
  const upload = await request.post(`${BACKEND_URL}/admin/ocop/imports/file`, {
    headers: auth,
    multipart: { file: { name: "hai-nam.csv", mimeType: "text/csv", buffer: Buffer.from(list, "utf8") } },
  })
  expect(await upload.json()).toMatchObject({ read: 2, created: 1, updated: 1, rejected: 0 })
  const { products } = await (
    await request.get(`${BACKEND_URL}/admin/products?q=${encodeURIComponent("Miến dong Bình Liêu")}`, { headers: auth })
  ).json()
  expect(products).toHaveLength(1)
  expect((await request.post(`${BACKEND_URL}/admin/products/${products[0].id}`, { headers: auth, data: { status: "published" } })).status()).toBe(200)

  await page.goto(`/vi/products/${products[0].handle}`)
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực")
  const history = page.getByTestId("rating-history").getByRole("listitem")
  await expect(history).toHaveCount(2)
  await expect(history.nth(0)).toContainText("Công nhận lần đầu · 3 sao · 820/QĐ-UBND")
  await expect(history.nth(1)).toContainText("Nâng hạng · 4 sao · 1500/QĐ-UBND")
  await expect(history.nth(1)).toContainText("nâng hạng")
})
