import ExcelJS from "exceljs"
import { expect, test, type Page } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { certificationListCsv, joinAsInvitedCurator, todayInVietnam } from "../support/curator"

// Issue 14, "Tests": the whole curator journey on a 390-px phone, in one go. The operator invites a curator of
// Lai Châu (a province no other spec uses, so the counts read here are this journey's alone); the curator imports
// the province's list from the console, finds the products in the shop as showcase listings, features three of
// them on the home page, revokes one certificate — the shop drops its badge and the search facets count one less —
// and downloads the register as XLSX.

const run = Date.now().toString(36)
const LISTED = [
  { title: "Chè Shan tuyết Sìn Suối Hồ", producer: "HTX Chè Sìn Suối Hồ", commune: "Sìn Suối Hồ", district: "Phong Thổ" },
  { title: "Miến dong Bình Lư", producer: "HTX Miến dong Bình Lư", commune: "Bình Lư", district: "Tam Đường" },
  { title: "Gạo tẻ râu Mường So", producer: "HTX Gạo Mường So", commune: "Mường So", district: "Phong Thổ" },
  { title: "Sâm Lai Châu Tà Tổng", producer: "HTX Sâm Tà Tổng", commune: "Tà Tổng", district: "Mường Tè" },
].map((p) => ({ ...p, province: "Lai Châu", stars: 4, decision: "812/QĐ-UBND", date: "16/04/2026" }))
const TITLES = LISTED.map((p) => p.title)
const FEATURED = TITLES.slice(0, 3)
const REVOKED = TITLES[1]
const FILE = `danh-sach-lai-chau-${run}.csv`
// What a buyer types to see the province's products; the facets then count this journey's products only.
const SEARCH = `/vi/search?q=${encodeURIComponent("Lai Châu")}`

/** The count a search facet shows beside its name, e.g. "4 sao (4)" → 4, read from the page as a buyer sees it. */
async function facetCount(page: Page, name: RegExp) {
  const text = await page.getByRole("complementary", { name: "Bộ lọc" }).getByRole("link", { name }).locator(".facet-count").textContent()
  return Number(text?.match(/\d+/)?.[0])
}

test("the curator journey on a phone: invited, imports the province, features three, revokes one, exports the register", async ({
  page,
  request,
}) => {
  // Eleven pages, two of them polled until the shop's search follows: sized for a machine shared with other runs.
  test.setTimeout(480_000)
  readStack()
  const token = await adminToken()
  const email = `can.bo.laichau.${run}@example.vn`
  const nav = page.getByRole("navigation", { name: "Bàn làm việc OCOP" })

  // The operator invites a curator of Lai Châu (code 12); the curator registers through the invite page.
  await joinAsInvitedCurator(page, request, token, { email, name: "Lò Thị Xuân", provinceCodes: ["12"] })
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phạm vi: Tỉnh Lai Châu")

  // The province's list, uploaded from the console: the bar fills and the summary counts four new products.
  await nav.getByRole("link", { name: "Nhập danh sách" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập danh sách OCOP")
  await page
    .getByLabel("Tệp danh sách")
    .setInputFiles({ name: FILE, mimeType: "text/csv", buffer: Buffer.from(certificationListCsv(LISTED), "utf8") })
  await page.getByRole("button", { name: "Nhập danh sách" }).click()
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 })
  await expect(page.getByText(`Đã nhập xong ${FILE}`)).toBeVisible()
  await expect(page.locator(".import-console .import-summary").getByRole("definition")).toHaveText(["4", "4", "0", "0", "0"])

  // No operator step: the shop's search finds the four as showcase listings, not sold online yet.
  const results = page.getByRole("region", { name: "Kết quả" })
  await expect(async () => {
    await page.goto(SEARCH)
    await expect(results.locator("article.product-card")).toHaveCount(TITLES.length, { timeout: 1000 })
  }).toPass({ timeout: 60_000, intervals: [1000, 2000] })
  const handles: Record<string, string> = {}
  for (const title of TITLES) {
    const card = results.locator("article.product-card").filter({ has: page.getByRole("link", { name: title }) })
    await expect(card).toHaveAttribute("data-listing", "showcase")
    await expect(card.getByText("Chưa bán trực tuyến")).toBeVisible()
    handles[title] = (await card.getByRole("link", { name: title }).first().getAttribute("href"))!.split("/").pop()!
  }
  const fourStarsBefore = await facetCount(page, /^4 sao/)
  const provinceBefore = await facetCount(page, /Lai Châu/)
  expect(fourStarsBefore).toBe(TITLES.length)
  expect(provinceBefore).toBe(TITLES.length)

  // The curator features three of them in a published list.
  await page.goto("/vi/curator/lists/new")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh sách nổi bật mới")
  const listTitle = `Đặc sản Lai Châu ${run}`
  const editor = page.getByRole("form", { name: "Danh sách nổi bật mới" })
  await editor.getByLabel("Tên danh sách").fill(listTitle)
  await editor.getByLabel("Ngày bắt đầu").fill(todayInVietnam())
  await editor.getByLabel("Ngày kết thúc").fill(todayInVietnam(30))
  for (const name of FEATURED) {
    await editor.getByLabel("Tìm sản phẩm của tỉnh").fill(name)
    await editor.getByLabel("Tìm sản phẩm của tỉnh").press("Enter")
    await editor.getByRole("button", { name: `Thêm vào danh sách: ${name}` }).click()
  }
  await expect(editor.locator(".list-products li strong")).toHaveText(FEATURED)
  await editor.getByRole("button", { name: "Lưu danh sách" }).click()
  await expect(page).toHaveURL(/\/vi\/curator\/lists\/[^/]+$/)
  await page.getByRole("button", { name: "Công bố danh sách" }).click()
  await expect(page.locator(".status-tag")).toHaveText("Đã công bố")

  // The home page shows the list with its three products.
  const section = page.getByTestId("featured-list").filter({ has: page.getByRole("heading", { name: listTitle }) })
  await expect(async () => {
    await page.goto("/vi")
    await expect(section).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 60_000, intervals: [1000, 2000] })
  await expect(section.locator(".product-card-title")).toHaveText(FEATURED)

  // Before the revocation the product's page shows its valid 4-star badge.
  const validBadge = page.locator(".product-info").getByLabel("Sản phẩm OCOP 4 sao, chứng nhận còn hiệu lực")
  await page.goto(`/vi/products/${handles[REVOKED]}`)
  await expect(validBadge).toBeVisible()

  // The curator finds the certificate in the register and revokes it.
  await page.goto("/vi/curator")
  await nav.getByRole("link", { name: "Sổ chứng nhận" }).click()
  await page.getByLabel("Tìm sản phẩm, chủ thể, số quyết định").fill(REVOKED)
  await page.getByRole("button", { name: "Lọc", exact: true }).click()
  await page.getByRole("link", { name: REVOKED }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(REVOKED)
  const revoke = page.getByRole("form", { name: "Thu hồi giấy chứng nhận" })
  await revoke.getByLabel("Số quyết định thu hồi").fill("95/QĐ-UBND")
  await revoke.getByLabel("Ngày quyết định thu hồi").fill(todayInVietnam())
  await revoke.getByLabel("Lý do thu hồi").fill("Cơ sở không duy trì được tiêu chí chất lượng khi đánh giá lại")
  await revoke.getByRole("button", { name: "Thu hồi" }).click()
  await expect(page.locator(".status-tag").first()).toHaveText("Đã thu hồi")

  // Within the 60 s: the product's page loses the valid badge and says why...
  await expect(async () => {
    await page.goto(`/vi/products/${handles[REVOKED]}`)
    await expect(page.getByTestId("certificate-status")).toHaveText("Đã thu hồi", { timeout: 1000 })
  }).toPass({ timeout: 60_000, intervals: [1000, 2000] })
  await expect(validBadge).toHaveCount(0)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(REVOKED)

  // ...and the search facets count one less for the stars and the province.
  await expect
    .poll(
      async () => {
        await page.goto(SEARCH)
        return [await facetCount(page, /^4 sao/), await facetCount(page, /Lai Châu/)]
      },
      { timeout: 60_000, intervals: [1000, 2000] }
    )
    .toEqual([fourStarsBefore - 1, provinceBefore - 1])
  await expect(results.getByRole("link", { name: REVOKED })).toHaveCount(0)

  // The register as XLSX: it opens, has one row per imported product with its status, and counts the revocation.
  await page.goto("/vi/curator")
  await nav.getByRole("link", { name: "Xuất sổ" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xuất sổ đăng ký OCOP")
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải sổ đăng ký (XLSX)" }).click()])
  expect(download.suggestedFilename()).toBe("so-ocop.xlsx")
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  const register = workbook.getWorksheet("Sổ OCOP")!
  const header = (register.getRow(1).values as unknown[]).map(String)
  const column = (name: RegExp) => header.findIndex((h) => name.test(h))
  const rows: Record<string, string> = {}
  register.eachRow((row, n) => {
    if (n > 1) rows[String(row.getCell(column(/^Tên sản phẩm/)).text)] = String(row.getCell(column(/^Tình trạng/)).text)
  })
  expect(rows).toEqual(Object.fromEntries(TITLES.map((t) => [t, t === REVOKED ? "revoked" : "active"])))
  const totals = workbook.getWorksheet("Tổng hợp")!
  const figures: Record<string, string> = {}
  totals.eachRow((row) => void (figures[String(row.getCell(1).text)] = String(row.getCell(2).text)))
  expect(figures["Bị thu hồi trong kỳ / Revoked in the period"]).toBe("1")

  await page.screenshot({ path: "test-results/screenshots/curator-journey-exports-390x844.png", fullPage: true })
})
