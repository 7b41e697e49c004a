import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

// A GTIN-13 with a correct check digit (8938505974194), as a pack's barcode; the QR carries it in 14-digit form.
const GTIN13 = "8938505974194"
const GTIN14 = `0${GTIN13}`
const vnDay = (daysAgo: number) => new Date(Date.now() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10)

test("a producer on a 390-px phone records a lot with two steps; its QR opens the scan page with a valid certificate", async ({
  browser,
  request,
}) => {
  const { honey, publishableKey } = readStack()
  const store = { "x-publishable-api-key": publishableKey }
  const { product } = await (await request.get(`${BACKEND_URL}/store/ocop/products/${honey.handle}`, { headers: store })).json()
  const token = await adminToken()
  const admin = { authorization: `Bearer ${token}` }
  // The honey's pack gets a barcode, so its lots' QR codes are GS1 Digital Links.
  const barcode = await request.post(`${BACKEND_URL}/admin/products/${honey.id}/variants/${honey.variantId}`, {
    headers: admin,
    data: { barcode: GTIN13 },
  })
  expect(barcode.status()).toBe(200)
  const invite = await request.post(`${BACKEND_URL}/admin/producers/${product.producer.id}/invites`, { headers: admin, data: { role: "owner" } })
  expect(invite.status()).toBe(201)
  const { link } = await invite.json()

  // Its own address: sign-ups are limited per address, and other journeys sign producers up in the same minute.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "x-forwarded-for": "198.51.100.40" },
  })
  const page = await context.newPage()
  await page.goto(new URL(link).pathname + new URL(link).search)
  await page.getByLabel("Họ và tên").fill("Sùng Mí Lử")
  await page.getByLabel("Email").fill(`lu.${Date.now()}@htx.vn`)
  await page.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-htx-2026")
  await page.getByRole("button", { name: "Tham gia" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.producer.name)

  await page.getByRole("link", { name: "Lô hàng" }).click()
  await page.getByRole("link", { name: "Tạo lô mới" }).click()
  await page.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: honey.title })
  // What repeats from batch to batch is saved as a template first: quantity, a commune of the producer's province
  // (offered as suggestions), the steps with their notes.
  await page.getByLabel("Số lượng sản xuất").fill("300")
  const commune = page.locator("#lot-communes option").first()
  const communeCode = (await commune.getAttribute("value"))!
  const communeName = (await commune.getAttribute("label"))!
  await page.getByLabel("Mã xã nơi lấy nguyên liệu").fill(communeCode)
  await page.getByRole("button", { name: "+ Thu hoạch" }).click()
  await page.getByRole("button", { name: "+ Đóng gói" }).click()
  const rows = page.getByTestId("lot-step-row")
  await rows.nth(0).getByLabel("Đã làm gì").fill("Quay mật từ 40 đàn ong hoa bạc hà")
  await rows.nth(1).getByLabel("Đã làm gì").fill("Đóng hũ thủy tinh 500 g")
  await page.getByText("Lưu làm mẫu").click()
  await page.getByLabel("Tên mẫu").fill("Mật ong vụ xuân")
  await page.getByRole("button", { name: "Lưu mẫu" }).click()
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu mẫu." })).toBeVisible()

  // A fresh form: picking the template fills it; code and dates stay empty.
  await page.reload()
  await page.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: honey.title })
  await page.getByLabel("Mẫu lô").selectOption({ label: "Mật ong vụ xuân" })
  await expect(page.getByLabel("Số lượng sản xuất")).toHaveValue("300")
  await expect(page.getByLabel("Mã xã nơi lấy nguyên liệu")).toHaveValue(communeCode)
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0).getByLabel("Đã làm gì")).toHaveValue("Quay mật từ 40 đàn ong hoa bạc hà")
  await expect(rows.nth(0).getByLabel("Ngày")).toHaveValue("")
  await expect(page.getByLabel("Mã lô (in trên bao bì)")).toHaveValue("")
  const code = `MV-${Date.now().toString(36).toUpperCase()}`
  await page.getByLabel("Mã lô (in trên bao bì)").fill(code)
  await page.getByLabel("Ngày sản xuất / thu hoạch").fill(vnDay(3))
  await rows.nth(0).getByLabel("Ngày").fill(vnDay(5))
  await expect(rows.nth(0).getByLabel("Ảnh (chụp bằng điện thoại)")).toHaveAttribute("capture", "environment")
  await rows.nth(1).getByLabel("Ngày").fill(vnDay(3))
  await page.getByRole("button", { name: "Lưu lô" }).click()

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${honey.title} · Lô ${code}`)
  await expect(page.locator(".lot-timeline li")).toHaveCount(2)
  await page.screenshot({ path: "test-results/screenshots/portal-lot-390x844.png", fullPage: true })
  const scanHref = await page.getByTestId("lot-public-link").getAttribute("href")
  const publicCode = scanHref!.split("/").pop()!
  expect(publicCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)

  // The QR's GS1 Digital Link and the short path both open the scan page; an unknown lot of a known GTIN goes to
  // the product page (303), a code nobody issued to the home page.
  const gs1 = await request.get(`/01/${GTIN14}/10/${code}`, { maxRedirects: 0 })
  expect(gs1.status()).toBe(307)
  expect(new URL(gs1.headers().location, "http://x").pathname).toBe(`/vi/lots/${publicCode}`)
  const short = await request.get(`/l/${publicCode}`, { maxRedirects: 0 })
  expect(short.status()).toBe(307)
  expect(new URL(short.headers().location, "http://x").pathname).toBe(`/vi/lots/${publicCode}`)
  const unknown = await request.get(`/01/${GTIN14}/10/KHONG-CO-LO-NAY`, { maxRedirects: 0 })
  expect(unknown.status()).toBe(303)
  expect(new URL(unknown.headers().location, "http://x").pathname).toBe(`/vi/products/${honey.handle}`)

  // A buyer scans the pack with JavaScript off: the page is complete without it.
  const buyer = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, javaScriptEnabled: false })
  const scan = await buyer.newPage()
  await scan.goto(`/01/${GTIN14}/10/${code}`)
  await expect(scan).toHaveURL(new RegExp(`/vi/lots/${publicCode}$`))
  await expect(scan.getByRole("heading", { level: 1 })).toHaveText(honey.title)
  await expect(scan.getByTestId("lot-code")).toHaveText(code)
  await expect(scan.getByTestId("lot-certificate")).toHaveText("Chứng nhận OCOP của sản phẩm này còn hiệu lực.")
  await expect(scan.getByText(product.producer.name).first()).toBeVisible()
  await expect(scan.locator(".lot-timeline li")).toHaveCount(2)
  await expect(scan.locator(".lot-timeline li").first()).toContainText("Thu hoạch")
  await expect(scan.locator(".lot-timeline li").last()).toContainText("Đóng hũ thủy tinh 500 g")
  const ld = (await scan.locator('script[type="application/ld+json"]').allTextContents())
    .map((t) => JSON.parse(t))
    .find((d) => d["@type"] === "Product")
  expect(ld).toMatchObject({ "@type": "Product", name: honey.title, gtin: GTIN14 })
  expect(JSON.stringify(ld)).toContain(code)
  // The origin on the province map, said in words: the raw materials' commune lies in the producer's province.
  await expect(scan.getByRole("img", { name: /Bản đồ 34 tỉnh, thành phố/ })).toBeVisible()
  await expect(scan.getByTestId("lot-origin-legend")).toContainText(`Nguyên liệu: ${communeName}`)
  await expect(scan.getByTestId("lot-origin-legend")).toContainText("Nơi sản xuất: ")
  await expect(scan.locator('[data-mark="Nguyên liệu + SX"]')).toHaveCount(1)
  await scan.screenshot({ path: "test-results/screenshots/lot-scan-390x844.png", fullPage: true })

  // The province form is a plain form post.
  await scan.getByLabel("Tỉnh/thành bạn đang ở (không bắt buộc)").selectOption({ label: "Tỉnh Tuyên Quang" })
  await scan.getByRole("button", { name: "Gửi" }).click()
  await expect(scan.getByRole("status").filter({ hasText: "Cảm ơn bạn! Đã ghi nhận." })).toBeVisible()
  await buyer.close()

  // The producer sees one scan (the view; the province form moved it, not counted it again) from one province.
  await page.reload()
  await expect(page.getByText("1 lượt quét · nhiều nhất 1 tỉnh trong một ngày")).toBeVisible()

  // axe on the scan page, JavaScript on.
  const axePage = await context.newPage()
  await axePage.goto(`/vi/lots/${publicCode}`)
  const results = await new AxeBuilder({ page: axePage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)
  console.log(`axe (serious + critical) on the scan page: ${serious.length}`)
  expect(serious).toEqual([])
  await context.close()
})
