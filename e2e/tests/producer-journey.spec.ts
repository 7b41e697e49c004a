import { expect, test } from "@playwright/test"
import sharp from "sharp"
import { adminToken, readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

test("a producer joins by invite on a 360-px phone, edits a price and uploads a photo; the shop then shows both", async ({ browser, request }) => {
  const { publishableKey } = readStack()
  const store = { "x-publishable-api-key": publishableKey }
  const { hits } = await (await request.get(`${BACKEND_URL}/store/ocop/search?q=ruou+ba+kich&limit=1`, { headers: store })).json()
  const { product } = await (await request.get(`${BACKEND_URL}/store/ocop/products/${hits[0].handle}`, { headers: store })).json()

  // The operator invites the producer's owner (the link is what the operator sends).
  const token = await adminToken()
  const invite = await request.post(`${BACKEND_URL}/admin/producers/${product.producer.id}/invites`, {
    headers: { authorization: `Bearer ${token}` },
    data: { role: "owner" },
  })
  expect(invite.status()).toBe(201)
  const { link } = await invite.json()

  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(new URL(link).pathname + new URL(link).search)
  await page.getByLabel("Họ và tên").fill("Trần Văn Bảy")
  await page.getByLabel("Email").fill(`bay.${Date.now()}@htx.vn`)
  await page.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-htx-2026")
  await page.getByRole("button", { name: "Tham gia" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.producer.name)

  await page.getByRole("link", { name: new RegExp(product.title) }).click()
  await expect(page.getByText(/Hạng sao và chứng nhận lấy từ danh sách công nhận/)).toBeVisible()
  // The listing form's price (the page also has the "add a pack size" form, with a price field of its own).
  const listingForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Lưu thay đổi" }) })
  const price = listingForm.getByLabel("Giá bán (₫)")
  await price.fill("-5")
  await page.getByRole("button", { name: "Lưu thay đổi" }).click()
  await expect(page.getByText("Giá là số đồng, không âm, không có phần lẻ.")).toBeVisible()
  await price.fill("415000")
  await page.getByRole("button", { name: "Lưu thay đổi" }).click()
  await expect(page.getByText("Đã lưu. Chợ cập nhật trong vài giây.")).toBeVisible()

  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 180, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer()
  await page.getByLabel("Thêm ảnh").setInputFiles({ name: "ruou-ba-kich.jpg", mimeType: "image/jpeg", buffer: photo })
  await page.getByRole("button", { name: "Tải ảnh lên" }).click()
  await expect(page.getByText("Đã thêm ảnh.")).toBeVisible()
  const uploaded = page.getByRole("img", { name: `Ảnh của ${product.title}` })
  await expect(uploaded).toHaveCount(product.images.length + 1)
  await page.screenshot({ path: "test-results/screenshots/portal-product-360x780.png", fullPage: true })

  // The buyer's page (shared cache, revalidated by the backend) shows the new price and the new photo.
  const shop = await browser.newPage()
  await expect(async () => {
    await shop.goto(`/vi/products/${product.handle}`)
    await expect(shop.getByTestId("product-price")).toHaveText(/415\.000\s₫/, { timeout: 300 })
    await expect(shop.locator(".gallery img")).toHaveCount(product.images.length + 1, { timeout: 300 })
  }).toPass({ timeout: 10_000, intervals: [500] })
  await context.close()
})

test("a person claims an imported producer from its public page; after the operator approves, the portal opens", async ({ browser, request }) => {
  const { publishableKey } = readStack()
  const { hits } = await (
    await request.get(`${BACKEND_URL}/store/ocop/search?q=che+dinh&limit=1`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  const producer = hits[0].producer
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(`/vi/products/${hits[0].handle}`)
  await page.getByRole("link", { name: producer.name }).first().click()
  await page.getByRole("link", { name: `Bạn là ${producer.name}? Nhận quản lý gian hàng` }).click()
  const email = `chu.${Date.now()}@haodat.vn`
  await page.getByLabel("Họ và tên").fill("Nguyễn Văn Đạt")
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-hao-dat")
  await page.getByLabel(/Lời nhắn cho ban quản lý/).fill("Giám đốc HTX, 0912 000 111")
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click()
  await expect(page.getByText("Yêu cầu nhận quản lý đang chờ ban quản lý duyệt.")).toBeVisible()

  const token = await adminToken()
  const { claims } = await (
    await request.get(`${BACKEND_URL}/admin/producer-claims?status=pending`, { headers: { authorization: `Bearer ${token}` } })
  ).json()
  const claim = claims.find((c: { producer: { id: string } | null }) => c.producer?.id === producer.id)
  const approved = await request.post(`${BACKEND_URL}/admin/producer-claims/${claim.id}/approve`, { headers: { authorization: `Bearer ${token}` } })
  expect(approved.status()).toBe(200)

  await page
    .getByRole("button", { name: "Đăng xuất" })
    .click()
    .catch(() => undefined)
  await page.goto("/vi/portal/login")
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu").fill("mat-khau-hao-dat")
  await page.getByRole("button", { name: "Đăng nhập" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(producer.name)
  await expect(page.getByRole("link", { name: new RegExp(hits[0].title) })).toBeVisible()
  await context.close()
})

test("sign-in attempts through the portal are limited per person's address, not for all producers at once", async ({ browser }) => {
  const attempt = async (page: import("@playwright/test").Page) => {
    await page.getByLabel("Email").fill("khong-co@htx.vn")
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau")
    // The button is disabled while a sign-in is under way, so each click waits for the previous answer.
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeEnabled()
  }
  // The header stands for the proxy in front of the shop; the shop passes the address on to the backend signed with
  // OCOP_FORWARDING_SECRET (the backend believes no unsigned forwarding header).
  const guesser = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7" } })
  const page = await guesser.newPage()
  await page.goto("/vi/portal/login")
  for (let i = 0; i < 10; i++) await attempt(page)
  await expect(page.getByText("Email hoặc mật khẩu chưa đúng.")).toBeVisible()
  await attempt(page)
  await expect(page.getByText("Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.")).toBeVisible()

  const someoneElse = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.8" } })
  const other = await someoneElse.newPage()
  await other.goto("/vi/portal/login")
  await attempt(other)
  await expect(other.getByText("Email hoặc mật khẩu chưa đúng.")).toBeVisible()
  await guesser.close()
  await someoneElse.close()
})
