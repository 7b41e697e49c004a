import { expect, test } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

test("the first search page renders without JavaScript, filters included", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/vi/search?q=che")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “che”")
  const firstCount = await page.getByTestId("result-count").textContent()
  expect(Number(firstCount?.match(/\d+/)?.[0])).toBeGreaterThan(0)
  await page.getByRole("link", { name: /^5 sao/ }).click()
  await expect(page).toHaveURL(/q=che&stars=5/)
  await expect(page.getByRole("link", { name: /Chè đinh/ })).toBeVisible()
  await context.close()
})

test("search engines get metadata, JSON-LD with the certificate, hreflang, a sitemap and robots.txt", async ({ page, request }) => {
  const { honey } = readStack()
  await page.goto(`/vi/products/${honey.handle}`)
  await expect(page).toHaveTitle(`${honey.title} · Chợ OCOP`)
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
  expect(ld).toMatchObject({
    "@type": "Product",
    name: honey.title,
    hasCertification: { "@type": "Certification", certificationIdentification: "1234/QĐ-UBND", certificationRating: { ratingValue: 4 } },
    offers: [{ "@type": "Offer", price: 250000, priceCurrency: "VND" }],
  })
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`/en/products/${honey.handle}$`))
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", honey.title)
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /.+/)

  const sitemap = await (await request.get("/sitemap.xml")).text()
  expect(sitemap).toContain(`/vi/products/${honey.handle}`)
  expect(sitemap).toContain('hreflang="en"')
  const robots = await (await request.get("/robots.txt")).text()
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/)
  expect(robots).toContain("Disallow: /vi/checkout")
})

test("the English shop shows the same product in English with VND prices", async ({ page }) => {
  const { honey } = readStack()
  await page.goto(`/en/products/${honey.handle}`)
  await expect(page.locator("html")).toHaveAttribute("lang", "en")
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible()
  await expect(page.getByLabel("OCOP 4-star product, certificate currently valid")).toBeVisible()
  await expect(page.getByTestId("product-price")).toHaveText(/250\.000\s₫/)
})

test("the language switch is remembered: the shop's address then opens in that language", async ({ page }) => {
  const { honey } = readStack()
  // A catalogue page served from the shared cache, which no middleware sees: the switch itself keeps the choice.
  await page.goto(`/vi/products/${honey.handle}`)
  await page.getByRole("link", { name: "Switch to English" }).click()
  await expect(page).toHaveURL(new RegExp(`/en/products/${honey.handle}$`))
  await page.goto("/")
  await expect(page).toHaveURL(/\/en$/)
  await expect(page.locator("html")).toHaveAttribute("lang", "en")
})

test("each certificate offers its QR code as PNG and SVG, pointing at the certificate page", async ({ page, request }) => {
  const { honey } = readStack()
  await page.goto(`/vi/products/${honey.handle}`)
  await page.getByRole("link", { name: "Xem và kiểm tra chứng nhận" }).click()
  await expect(page).toHaveURL(/\/vi\/certificates\/ocert_/)
  const certificateUrl = page.url()
  const png = await request.get((await page.getByRole("link", { name: "Tải PNG (in ấn)" }).getAttribute("href")) as string)
  expect(png.headers()["content-type"]).toBe("image/png")
  expect((await png.body()).subarray(1, 4).toString()).toBe("PNG")
  const svg = await request.get((await page.getByRole("link", { name: "Tải SVG (thiết kế)" }).getAttribute("href")) as string)
  expect(svg.headers()["content-type"]).toBe("image/svg+xml")
  expect(await svg.text()).toContain("<svg")
  expect(certificateUrl).toContain("/vi/certificates/")
})

test("a revoked certificate is shown plainly and the product loses its badge", async ({ page, request }) => {
  const { publishableKey } = readStack()
  const token = await adminToken()
  const { hits } = await (
    await request.get(`${BACKEND_URL}/store/ocop/search?q=nuoc+mam&limit=1`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  const handle = hits[0].handle
  const { product } = await (
    await request.get(`${BACKEND_URL}/store/ocop/products/${handle}`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  await page.goto(`/vi/products/${handle}`)
  await expect(page.getByLabel(/Sản phẩm OCOP \d sao/)).toBeVisible()

  const revoke = await request.post(`${BACKEND_URL}/admin/ocop/certifications/${product.ocop.id}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { status: "revoked", status_reason: "Vi phạm tiêu chuẩn chất lượng" },
  })
  expect(revoke.status()).toBe(200)

  await expect(async () => {
    await page.goto(`/vi/certificates/${product.ocop.id}`)
    await expect(page.getByTestId("certificate-status")).toHaveText("Đã thu hồi", { timeout: 500 })
  }).toPass({ timeout: 5_000 })
  await expect(page.getByText("Chứng nhận này đã bị thu hồi.", { exact: false })).toBeVisible()
  await page.goto(`/vi/products/${handle}`)
  await expect(page.getByLabel(/Sản phẩm OCOP \d sao/)).toHaveCount(0)
})
