import ExcelJS from "exceljs"
import { expect, test, type Locator } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { importAndPublishProducts, joinAsInvitedCurator, seriousViolations, todayInVietnam } from "../support/curator"

// Issue 14, the console's remaining pages: a curator of Lạng Sơn builds a featured list of the province's products
// in its own order and publishes it (the shop's home shows it in that order), downloads the register, and hides a
// listing with a reason that the history keeps.

const run = Date.now().toString(36)
const PRODUCTS = [
  { title: "Hoa hồi khô Văn Quan", producer: "HTX Hồi Văn Quan", commune: "Văn Quan", district: "Văn Quan" },
  { title: "Trà hoa vàng Bình Gia", producer: "HTX Trà hoa vàng Bình Gia", commune: "Bình Gia", district: "Bình Gia" },
  { title: "Na dai Chi Lăng", producer: "HTX Na Chi Lăng", commune: "Chi Lăng", district: "Chi Lăng" },
].map((p) => ({ ...p, province: "Lạng Sơn", stars: 4, decision: "1520/QĐ-UBND", date: "20/08/2025" }))
const [HOI, TRA, NA] = PRODUCTS.map((p) => p.title)

/** The editor's products, in the order they will be saved. */
async function listedTitles(editor: Locator) {
  return editor.locator(".list-products li strong").allTextContents()
}

test("a curator builds, orders and publishes a featured list, downloads the register and hides a listing", async ({ page, request }) => {
  // Five pages are checked with axe and the shop is read back twice: longer than one page's journey.
  test.setTimeout(360_000)
  const { honey } = readStack()
  const token = await adminToken()
  const listed = await importAndPublishProducts(request, token, PRODUCTS)
  const email = `can.bo.langson.${run}@example.vn`
  await joinAsInvitedCurator(page, request, token, { email, name: "Vi Thị Hằng", provinceCodes: ["20"] })
  const nav = page.getByRole("navigation", { name: "Bàn làm việc OCOP" })
  const violations: Record<string, string[]> = {}

  // The lists page, reached from the console's navigation; nothing there yet.
  await nav.getByRole("link", { name: "Danh sách nổi bật" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh sách nổi bật của tỉnh")
  await expect(page.getByText("Tỉnh chưa có danh sách nổi bật nào.")).toBeVisible()
  await page.getByRole("link", { name: "Tạo danh sách mới" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh sách nổi bật mới")

  const title = `Quà Tết xứ Lạng ${run}`
  const editor = page.getByRole("form", { name: "Danh sách nổi bật mới" })
  await editor.getByLabel("Tên danh sách").fill(title)
  await editor.getByLabel("Giới thiệu (không bắt buộc)").fill("Đặc sản OCOP của Lạng Sơn cho mâm quà Tết.")
  await editor.getByLabel("Ngày bắt đầu").fill(todayInVietnam())
  await editor.getByLabel("Ngày kết thúc").fill(todayInVietnam(30))

  // Products are found in the province's register and added one by one, then ordered with buttons.
  for (const name of [HOI, TRA, NA]) {
    await editor.getByLabel("Tìm sản phẩm của tỉnh").fill(name)
    await editor.getByLabel("Tìm sản phẩm của tỉnh").press("Enter")
    await editor.getByRole("button", { name: `Thêm vào danh sách: ${name}` }).click()
  }
  expect(await listedTitles(editor)).toEqual([HOI, TRA, NA])
  violations.newList = await seriousViolations(page)
  await editor.getByRole("button", { name: `Đưa lên trên: ${NA}` }).click()
  await editor.getByRole("button", { name: `Đưa lên trên: ${NA}` }).click()
  await editor.getByRole("button", { name: `Đưa xuống dưới: ${HOI}` }).click()
  const order = [NA, TRA, HOI]
  expect(await listedTitles(editor)).toEqual(order)

  // A product of another province (here slipped into the form as a stale page could) is refused by the backend,
  // and its message, naming the product, stands beside the products.
  await editor.locator(".list-products").evaluate((list, id) => {
    const input = document.createElement("input")
    input.type = "hidden"
    input.name = "products"
    input.value = id
    list.appendChild(input)
  }, honey.id)
  await editor.getByRole("button", { name: "Lưu danh sách" }).click()
  await expect(editor.locator("#list-products-error")).toContainText(`“${honey.title}” thuộc Tỉnh Tuyên Quang, không phải Tỉnh Lạng Sơn`)
  await expect(editor.getByLabel("Tên danh sách")).toHaveValue(title)
  expect(await listedTitles(editor)).toEqual(order)

  // Saved: the list's own page, a draft, with the products in the curator's order.
  await editor.getByRole("button", { name: "Lưu danh sách" }).click()
  await expect(page).toHaveURL(/\/vi\/curator\/lists\/[^/]+$/)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title)
  await expect(page.locator(".status-tag")).toHaveText("Bản nháp")
  const saved = page.getByRole("form", { name: "Sửa danh sách nổi bật" })
  await expect(saved.locator(".list-products li strong")).toHaveText(order)
  violations.editList = await seriousViolations(page)
  await page.screenshot({ path: "test-results/screenshots/curator-list-390x844.png", fullPage: true })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: "test-results/screenshots/curator-list-1440x900.png", fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole("button", { name: "Công bố danh sách" }).click()
  await expect(page.locator(".status-tag")).toHaveText("Đã công bố")
  await expect(page.getByRole("button", { name: "Ngừng công bố" })).toBeVisible()

  // The lists page shows it published, with its three products.
  await nav.getByRole("link", { name: "Danh sách nổi bật" }).click()
  const row = page.getByRole("row", { name: new RegExp(title) })
  await expect(row).toContainText("Đã công bố")
  await expect(row.locator('td[data-label="Số sản phẩm"]')).toHaveText("3")
  violations.lists = await seriousViolations(page)

  // The shop's home page shows the list with those products, in that order.
  const section = page.getByTestId("featured-list").filter({ has: page.getByRole("heading", { name: title }) })
  await expect(async () => {
    await page.goto("/vi")
    await expect(section).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000, intervals: [1000] })
  await expect(section.locator(".product-card-title")).toHaveText(order)

  // The register export: downloaded through the shop with the backend's filename, it opens and lists the products.
  await page.goto("/vi/curator")
  await nav.getByRole("link", { name: "Xuất sổ" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xuất sổ đăng ký OCOP")
  violations.exports = await seriousViolations(page)
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải sổ đăng ký (XLSX)" }).click()])
  expect(download.suggestedFilename()).toBe("so-ocop.xlsx")
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  const cells: string[] = []
  workbook.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => void cells.push(String(c.text)))))
  for (const name of [HOI, TRA, NA]) expect(cells).toContain(name)

  // Hiding a listing: from the register to the product's certificate; the reason is required.
  await nav.getByRole("link", { name: "Sổ chứng nhận" }).click()
  await page.getByLabel("Tìm sản phẩm, chủ thể, số quyết định").fill(TRA)
  await page.getByRole("button", { name: "Lọc", exact: true }).click()
  await page.getByRole("link", { name: TRA }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TRA)
  const certificateUrl = page.url()
  await expect(page.getByText("Sản phẩm đang hiển thị trên chợ.")).toBeVisible()
  await expect(page.getByText("Chưa ai ẩn sản phẩm này.")).toBeVisible()
  const hide = page.getByRole("form", { name: "Ẩn sản phẩm" })
  await hide.getByRole("button", { name: "Ẩn sản phẩm" }).click()
  await expect(hide.locator("#visibility-reason-error")).toContainText("reason")
  await expect(hide.getByLabel("Lý do")).toHaveAttribute("aria-invalid", "true")
  const reason = "Cơ sở tạm ngừng sản xuất để sửa nhà xưởng"
  await hide.getByLabel("Lý do").fill(reason)
  await hide.getByRole("button", { name: "Ẩn sản phẩm" }).click()
  await expect(page.getByText("Sản phẩm đang bị ẩn khỏi chợ và kết quả tìm kiếm.")).toBeVisible()
  const history = page.getByRole("table", { name: "Lịch sử ẩn, hiện" })
  await expect(history.getByRole("row", { name: new RegExp(`Ẩn.*${reason}.*${email.replace(/\./g, "\\.")}`) })).toBeVisible()
  violations.hidden = await seriousViolations(page)

  // The shop's product page no longer shows it.
  await expect(async () => {
    const response = await page.goto(`/vi/products/${listed[1].handle}`)
    expect(response?.status()).toBe(404)
  }).toPass({ timeout: 30_000, intervals: [1000] })

  // Shown again, with its own reason: the history keeps both changes, newest first.
  await page.goto(certificateUrl)
  const unhide = page.getByRole("form", { name: "Hiện lại sản phẩm" })
  await unhide.getByLabel("Lý do").fill("Cơ sở đã sản xuất trở lại")
  await unhide.getByRole("button", { name: "Hiện lại sản phẩm" }).click()
  await expect(page.getByText("Sản phẩm đang hiển thị trên chợ.")).toBeVisible()
  await expect(history.getByRole("row")).toHaveCount(3)
  await expect(history.getByRole("row").nth(1)).toContainText("Hiện lại")

  await page.screenshot({ path: "test-results/screenshots/curator-visibility-390x844.png", fullPage: true })
  console.log(
    `axe curator lists (serious + critical): ${Object.entries(violations)
      .map(([k, v]) => `${k} ${v.length}`)
      .join(", ")}`
  )
  expect(violations).toEqual({ newList: [], editList: [], lists: [], exports: [], hidden: [] })
})
