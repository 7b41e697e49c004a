import { expect, test } from "@playwright/test"
import jsQR from "jsqr"
import sharp from "sharp"
import { execFile } from "node:child_process"
import { mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { adminToken, readStack } from "../support/catalog"
import { joinAsInvitedCurator } from "../support/curator"
import { BACKEND_URL } from "../support/stack"

const vnDay = (daysAgo: number) => new Date(Date.now() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10)

/**
 * The QR of the sheet's top-left label: the PDF's first page as pixels (Debian's poppler-utils), cut to the label's
 * QR square (a 3×8 sheet's labels are 70 × 37 mm from the page's corner; A4 is 210 × 297 mm), decoded with jsQR.
 */
async function readFirstLabelQr(pdf: Buffer): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "lot-recall-"))
  await writeFile(path.join(dir, "sheet.pdf"), pdf)
  await promisify(execFile)("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", path.join(dir, "sheet.pdf"), path.join(dir, "page")])
  const png = await readFile(path.join(dir, "page-1.png"))
  const meta = await sharp(png).metadata()
  const { data, info } = await sharp(png)
    .extract({ left: 0, top: 0, width: Math.floor((meta.width! * 37) / 210), height: Math.floor((meta.height! * 37) / 297) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

test("a lot's whole life on a phone: recorded, labels printed and scanned, shipped in an order, recalled — the scan page and the buyer's order page say so", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000)
  const { honey, publishableKey } = readStack()
  const store = { "x-publishable-api-key": publishableKey }
  const { product } = await (await request.get(`${BACKEND_URL}/store/ocop/products/${honey.handle}`, { headers: store })).json()
  const token = await adminToken()
  const admin = { authorization: `Bearer ${token}` }
  const invite = await request.post(`${BACKEND_URL}/admin/producers/${product.producer.id}/invites`, { headers: admin, data: { role: "owner" } })
  expect(invite.status()).toBe(201)
  const { link } = await invite.json()
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

  // The producer joins and records a lot.
  // Its own address: sign-ups are limited per address, and other journeys sign producers up in the same minute.
  const producer = await browser.newContext({ ...phone, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.41" } })
  const portal = await producer.newPage()
  await portal.goto(new URL(link).pathname + new URL(link).search)
  await portal.getByLabel("Họ và tên").fill("Vàng Thị Mai")
  await portal.getByLabel("Email").fill(`mai.${Date.now()}@htx.vn`)
  await portal.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-htx-2026")
  await portal.getByRole("button", { name: "Tham gia" }).click()
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(product.producer.name)
  await portal.getByRole("link", { name: "Lô hàng" }).click()
  await portal.getByRole("link", { name: "Tạo lô mới" }).click()
  await portal.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: honey.title })
  const code = `TH-${Date.now().toString(36).toUpperCase()}`
  await portal.getByLabel("Mã lô (in trên bao bì)").fill(code)
  await portal.getByLabel("Ngày sản xuất / thu hoạch").fill(vnDay(2))
  await portal.getByLabel("Số lượng sản xuất").fill("120")
  await portal.getByRole("button", { name: "Lưu lô" }).click()
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(`${honey.title} · Lô ${code}`)
  const lotPath = new URL(portal.url()).pathname
  const lotId = lotPath.split("/").pop()!
  await expect(portal.getByTestId("lot-orders")).toContainText("Chưa có đơn hàng nào ghi lô này khi gửi hàng.")

  // The label sheet the producer prints: a PDF whose first QR opens the scan page with a valid certificate.
  const sheet = await portal.request.get(`/api/portal/lots/${encodeURIComponent(lotId)}/label-sheet?layout=3x8`)
  expect(sheet.status()).toBe(200)
  expect(sheet.headers()["content-type"]).toContain("application/pdf")
  const qr = await readFirstLabelQr(await sheet.body())
  expect(qr).not.toBeNull()
  const buyer = await browser.newContext(phone)
  const scan = await buyer.newPage()
  await scan.goto(new URL(qr!).pathname)
  await expect(scan).toHaveURL(/\/vi\/lots\/[2-9A-HJKMNP-Z]{10}$/)
  const scanPath = new URL(scan.url()).pathname
  await expect(scan.getByTestId("lot-code")).toHaveText(code)
  await expect(scan.getByTestId("lot-certificate")).toHaveText("Chứng nhận OCOP của sản phẩm này còn hiệu lực.")
  await expect(scan.locator(".lot-recalled")).toHaveCount(0)

  // The buyer orders the honey (cash on delivery).
  await scan.goto(`/vi/products/${honey.handle}`)
  await scan.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(scan.getByTestId("cart-count")).toHaveText("1")
  await scan.goto("/vi/checkout")
  await scan.getByLabel("Email").fill(`mua.${Date.now()}@example.vn`)
  await scan.getByLabel("Họ và tên").fill("Lê Thu Hà")
  await scan.getByLabel("Số điện thoại").fill("0912 345 678")
  await scan.getByLabel("Tỉnh/thành phố").selectOption({ label: "Thành phố Hà Nội" })
  const commune = scan.getByLabel("Xã/phường")
  await expect(commune.locator("option")).not.toHaveCount(1)
  await commune.selectOption({ index: 1 })
  await scan.getByLabel("Số nhà, đường, thôn/xóm").fill("8 Lý Thường Kiệt")
  await scan.getByRole("button", { name: "Đặt hàng" }).click()
  await expect(scan.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible({ timeout: 60_000 })
  const orderPath = new URL(scan.url()).pathname
  const displayId = (await scan.getByTestId("order-number").textContent())!.match(/#(\d+)/)![1]
  await expect(scan.getByTestId("order-recall")).toHaveCount(0)

  // The producer ships its part, naming the lot the honey came from.
  await portal.goto("/vi/portal/orders")
  const order = portal.locator(".portal-order").filter({ has: portal.getByRole("heading", { name: new RegExp(`^#${displayId} ·`) }) })
  await order.getByLabel(/^Lô của “/).selectOption({ label: code })
  await order.getByRole("radio", { name: "Đã gửi hàng" }).check()
  await order.getByLabel("Đơn vị vận chuyển").fill("Viettel Post")
  await order.getByLabel("Mã vận đơn").fill(`VN${displayId}TH`)
  await order.getByRole("button", { name: "Cập nhật giao hàng" }).click()
  await expect(order).toContainText(`Đã gửi hàng · Viettel Post · Mã vận đơn: VN${displayId}TH`)

  // The curator of the honey's province (its certificate's) reads the traceability tile before the recall (other tests
  // may have recorded lots too).
  const curator = await browser.newContext(phone)
  const console_ = await curator.newPage()
  await joinAsInvitedCurator(console_, request, token, {
    email: `truy.xuat.${Date.now()}@ocop.gov.vn`,
    name: "Đinh Văn Toàn",
    provinceCodes: [product.ocop.origin.province.code],
  })
  const tile = console_.getByTestId("lots-tile")
  const figure = (label: string) => tile.locator("li", { hasText: label }).locator("strong")
  await expect(tile.getByRole("heading", { name: "Truy xuất nguồn gốc" })).toBeVisible()
  expect(Number(await figure("Lô đã ghi nhận").textContent())).toBeGreaterThanOrEqual(1)
  const recalledBefore = Number(await figure("Lô đã thu hồi").textContent())

  // The lot page lists the order; the producer recalls the lot.
  await portal.goto(lotPath)
  await expect(portal.getByTestId("lot-orders")).toContainText(`Đơn #${displayId} · 1 dòng`)
  const reason = "Hũ bị rò rỉ nắp, có nguy cơ lên men"
  await portal.getByLabel("Lý do thu hồi").fill(reason)
  await portal.getByRole("button", { name: "Thu hồi lô" }).click()
  await expect(portal.getByText(`Lô đã bị thu hồi. Lý do: ${reason}`)).toBeVisible()
  await portal.screenshot({ path: "test-results/screenshots/portal-lot-recalled-390x844.png", fullPage: true })
  await producer.close()

  // The curator's tile counts the recall.
  await console_.reload()
  await expect(figure("Lô đã thu hồi")).toHaveText(String(recalledBefore + 1))
  await curator.close()

  // Whoever scans the pack now sees the recall; the buyer's order page warns and links to the lot.
  await scan.goto(scanPath)
  await expect(scan.locator(".lot-recalled")).toContainText("Lô hàng này đã bị thu hồi")
  await expect(scan.locator(".lot-recalled")).toContainText(reason)
  await scan.goto(orderPath)
  const banner = scan.getByTestId("order-recall")
  await expect(banner).toHaveCount(1)
  await expect(banner).toContainText(`Lô ${code} trong đơn này đã bị thu hồi`)
  await expect(banner).toContainText(reason)
  await expect(banner.getByRole("link", { name: "Xem thông tin lô" })).toHaveAttribute("href", scanPath)
  await scan.screenshot({ path: "test-results/screenshots/order-recall-390x844.png", fullPage: true })
  await buyer.close()
})
