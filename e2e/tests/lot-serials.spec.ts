import { expect, test } from "@playwright/test"
import jsQR from "jsqr"
import sharp from "sharp"
import { execFile } from "node:child_process"
import { mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { adminToken, readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

const vnDay = (at: number) => new Date(at + 7 * 3600_000).toISOString().slice(0, 10)
const dayMonthYear = (isoDay: string) => isoDay.split("-").reverse().join("/")

/**
 * The QR of the first page's label in row 0, column `column` of a 3×8 sheet (labels 70 × 37 mm from the page's
 * corner, the QR the label's left 37 × 37 mm; A4 is 210 × 297 mm): pdftoppm (Debian's poppler-utils), then jsQR.
 */
async function readLabelQr(pdf: Buffer, column: number): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "lot-serials-"))
  await writeFile(path.join(dir, "sheet.pdf"), pdf)
  await promisify(execFile)("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", path.join(dir, "sheet.pdf"), path.join(dir, "page")])
  const png = await readFile(path.join(dir, "page-1.png"))
  const meta = await sharp(png).metadata()
  const mm = (v: number, of: number, total: number) => Math.floor((of * v) / total)
  const { data, info } = await sharp(png)
    .extract({ left: mm(70 * column, meta.width!, 210), top: 0, width: mm(37, meta.width!, 210), height: mm(37, meta.height!, 297) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

test("per-unit serials on a phone: the producer issues 3 and prints them; a buyer's first scan is the first check, the next says when that was", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000)
  const { honey, publishableKey } = readStack()
  const { product } = await (
    await request.get(`${BACKEND_URL}/store/ocop/products/${honey.handle}`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  const admin = { authorization: `Bearer ${await adminToken()}` }
  const invite = await request.post(`${BACKEND_URL}/admin/producers/${product.producer.id}/invites`, { headers: admin, data: { role: "owner" } })
  expect(invite.status()).toBe(201)
  const { link } = await invite.json()
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

  // The producer joins and records a lot of 50 units. Its own address: sign-ups are limited per address.
  const producer = await browser.newContext({ ...phone, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.71" } })
  const portal = await producer.newPage()
  await portal.goto(new URL(link).pathname + new URL(link).search)
  await portal.getByLabel("Họ và tên").fill("Lò Văn Sơn")
  await portal.getByLabel("Email").fill(`son.${Date.now()}@htx.vn`)
  await portal.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-htx-2026")
  await portal.getByRole("button", { name: "Tham gia" }).click()
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(product.producer.name)
  await portal.getByRole("link", { name: "Lô hàng" }).click()
  await portal.getByRole("link", { name: "Tạo lô mới" }).click()
  await portal.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: honey.title })
  const code = `SR-${Date.now().toString(36).toUpperCase()}`
  await portal.getByLabel("Mã lô (in trên bao bì)").fill(code)
  await portal.getByLabel("Ngày sản xuất / thu hoạch").fill(vnDay(Date.now() - 86_400_000))
  await portal.getByLabel("Số lượng sản xuất").fill("50")
  await portal.getByRole("button", { name: "Lưu lô" }).click()
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(`${honey.title} · Lô ${code}`)
  const figures = portal.getByTestId("lot-serial-figures")
  await expect(figures).toHaveText("Đã cấp 0 / tối đa 50 mã · đã kiểm tra 0 · kiểm tra hơn một lần 0 · đã hủy 0")

  // More than the lot's cap is refused with the field named; 3 serials are issued.
  const serials = portal.getByTestId("lot-serials")
  await serials.getByLabel("Số mã cần cấp (1–1.000)").fill("51")
  await serials.getByRole("button", { name: "Cấp mã sê-ri" }).click()
  await expect(serials.getByRole("alert")).toContainText("count: lô này chỉ còn được cấp 50 mã")
  await serials.getByLabel("Số mã cần cấp (1–1.000)").fill("3")
  await serials.getByRole("button", { name: "Cấp mã sê-ri" }).click()
  await expect(serials.getByRole("status")).toHaveText("Đã cấp 3 mã sê-ri. Tải tem bên dưới.")
  await expect(figures).toHaveText("Đã cấp 3 / tối đa 50 mã · đã kiểm tra 0 · kiểm tra hơn một lần 0 · đã hủy 0")

  // The serial label sheet: every label its own QR; two of them decoded from the rasterised PDF.
  const sheetLink = serials.getByRole("link", { name: "tem A4 (3×8)" })
  await expect(sheetLink).toHaveCount(1)
  const sheet = await portal.request.get((await sheetLink.getAttribute("href"))!)
  expect(sheet.status()).toBe(200)
  expect(sheet.headers()["content-type"]).toContain("application/pdf")
  const pdf = await sheet.body()
  const [first, second] = await Promise.all([readLabelQr(pdf, 0), readLabelQr(pdf, 1)])
  // GS1 Digital Link with AI 21 when the honey has a GTIN, else our short path with the serial after the lot's code.
  const serialUrl = /^https?:\/\/[^/]+(\/01\/\d{14}\/10\/[A-Z0-9.-]+\/21|\/l\/[2-9A-HJKMNP-Z]{10})\/([2-9A-HJKMNP-Z]{13})$/
  expect(first).toMatch(serialUrl)
  expect(second).toMatch(serialUrl)
  const serial = first!.match(serialUrl)![2]
  expect(second!.match(serialUrl)![2]).not.toBe(serial)

  // A buyer scans with a phone that runs no JavaScript: the first visit is the first check.
  const buyer = await browser.newContext({ ...phone, javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.72" } })
  const scan = await buyer.newPage()
  const before = Date.now()
  await scan.goto(new URL(first!).pathname)
  await expect(scan).toHaveURL(new RegExp(`/vi/lots/[2-9A-HJKMNP-Z]{10}/s/${serial}$`))
  const verdict = scan.getByTestId("serial-verdict")
  await expect(verdict).toContainText("Đây là lần kiểm tra đầu tiên của mã này")
  await expect(scan.getByTestId("lot-code")).toHaveText(code)
  await expect(scan.getByTestId("lot-certificate")).toHaveText("Chứng nhận OCOP của sản phẩm này còn hiệu lực.")
  const after = Date.now()
  // The province form returns to the serial page with its verdict, without checking the serial again.
  await scan.getByLabel("Tỉnh/thành bạn đang ở (không bắt buộc)").selectOption({ label: "Tỉnh Tuyên Quang" })
  await scan.getByRole("button", { name: "Gửi" }).click()
  await expect(scan).toHaveURL(new RegExp(`/vi/lots/[2-9A-HJKMNP-Z]{10}/s/${serial}\\?reported=`))
  await expect(scan.getByRole("status").filter({ hasText: "Cảm ơn bạn! Đã ghi nhận." })).toBeVisible()
  await expect(verdict).toContainText("Đây là lần kiểm tra đầu tiên của mã này")

  // The second visit says when the first check was, in Việt Nam time, and warns of a copied label.
  await scan.goto(new URL(first!).pathname)
  const days = [...new Set([vnDay(before), vnDay(after)].map(dayMonthYear))].join("|").replace(/\//g, "\\/")
  await expect(verdict).toHaveText(new RegExp(`^Mã này đã được kiểm tra lần đầu lúc \\d{2}:\\d{2} ngày (${days}) \\(giờ Việt Nam\\)`))
  await expect(verdict).toContainText("tem này có thể đã bị sao chép")
  await scan.screenshot({ path: "test-results/screenshots/serial-already-checked-390x844.png", fullPage: true })

  // A link preview or browser prefetch of the second serial records nothing; the buyer's own visit is then the first.
  const secondSerial = second!.match(serialUrl)![2]
  const secondPage = new URL(scan.url()).pathname.replace(/\/s\/[^/]+$/, `/s/${secondSerial}`)
  const prefetched = await request.get(secondPage, { headers: { "sec-purpose": "prefetch", "x-forwarded-for": "198.51.100.73" } })
  expect(prefetched.status()).toBe(200)
  expect(await prefetched.text()).toContain("chưa được kiểm tra trong lần mở này")
  await scan.goto(secondPage)
  await expect(verdict).toContainText("Đây là lần kiểm tra đầu tiên của mã này")

  // A serial the producer never issued, under the real lot: said plainly.
  await scan.goto(new URL(scan.url()).pathname.replace(/\/s\/[^/]+$/, "/s/23456789ABCDE"))
  await expect(verdict).toContainText("Mã sê-ri này không có trong lô — có thể là hàng giả")
  await buyer.close()

  // Someone else scans the first serial (a copied label): the producer sees it checked more than once.
  const other = await browser.newContext({ ...phone, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.74" } })
  const copy = await other.newPage()
  await copy.goto(new URL(first!).pathname)
  await expect(copy.getByTestId("serial-verdict")).toContainText("Mã này đã được kiểm tra lần đầu lúc")
  await other.close()
  await portal.reload()
  await expect(figures).toHaveText("Đã cấp 3 / tối đa 50 mã · đã kiểm tra 2 · kiểm tra hơn một lần 1 · đã hủy 0")
  await expect(serials.getByRole("note")).toContainText("tem có thể đã bị sao chép")

  // The second serial's label was lost: the producer types it in (lower case) and voids it with the reason.
  const voiding = portal.getByTestId("lot-serial-void")
  await voiding.locator("summary").click()
  await voiding.getByLabel("Hoặc các mã sê-ri (cách nhau bằng dấu cách hoặc xuống dòng)").fill(secondSerial.toLowerCase())
  await voiding.getByLabel("Lý do hủy").fill("Tem bị mất khi vận chuyển")
  await voiding.getByRole("button", { name: "Hủy mã sê-ri", exact: true }).click()
  await expect(voiding.getByRole("status")).toHaveText("Đã hủy 1 mã.")
  await expect(figures).toHaveText("Đã cấp 3 / tối đa 50 mã · đã kiểm tra 2 · kiểm tra hơn một lần 1 · đã hủy 1")
  await producer.close()

  // Whoever scans the voided serial now is warned plainly.
  const finder = await browser.newContext({ ...phone, javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.75" } })
  const found = await finder.newPage()
  await found.goto(new URL(second!).pathname)
  const voided = found.getByTestId("serial-verdict")
  await expect(voided).toHaveAttribute("role", "alert")
  await expect(voided).toContainText("Mã sê-ri này đã bị nhà sản xuất hủy (Tem bị mất khi vận chuyển) — sản phẩm mang mã này có thể không chính hãng")
  await finder.close()
})
