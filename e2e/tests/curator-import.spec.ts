import AxeBuilder from "@axe-core/playwright"
import { readFileSync } from "node:fs"
import { expect, test } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

// Issue 14 part 3, "Import": a curator of Cao Bằng uploads the province's list on a phone, watches the progress
// bar fill, reads the summary (the row of another province refused) and finds the run in the history.

const run = Date.now().toString(36)
const FILE = `danh-sach-cao-bang-${run}.csv`

test("a curator uploads a list on a phone, sees the bar finish and the summary, and the run in the history", async ({ page, request }) => {
  readStack()
  const token = await adminToken()
  const email = `can.bo.nhap.${run}@example.vn`
  const invite = await request.post(`${BACKEND_URL}/admin/curators/invites`, {
    headers: { authorization: `Bearer ${token}` },
    data: { email, province_codes: ["04"] },
  })
  expect(invite.status()).toBe(201)
  const link = new URL((await invite.json()).link)
  await page.goto(`${link.pathname}${link.search}`)
  await page.getByLabel("Họ và tên").fill("Lục Văn Bình")
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)").fill("mat-khau-can-bo-2026")
  await page.getByRole("button", { name: "Tạo tài khoản và vào bàn làm việc" }).click()
  await expect(page).toHaveURL(/\/vi\/curator$/)

  await page.getByRole("navigation", { name: "Bàn làm việc OCOP" }).getByRole("link", { name: "Nhập danh sách" }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập danh sách OCOP")
  await expect(page.getByText("Chưa có lần nhập nào.")).toBeVisible()

  // Two rows of Cao Bằng and one of Hà Giang (Tuyên Quang since 2025), which is not this curator's.
  const list = [
    "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao",
    `1,Hạt dẻ Trùng Khánh ${run},HTX Hạt dẻ ${run},,,Cao Bằng,4`,
    `2,Miến dong Nguyên Bình ${run},HTX Miến ${run},,,Cao Bằng,3`,
    `3,Mật ong bạc hà ${run},HTX Ong ${run},Mèo Vạc,Mèo Vạc,Hà Giang,4`,
    "",
  ].join("\n")
  await page.getByLabel("Tệp danh sách").setInputFiles({ name: FILE, mimeType: "text/csv", buffer: Buffer.from(list, "utf8") })
  await page.getByRole("button", { name: "Nhập danh sách" }).click()

  const bar = page.getByRole("progressbar")
  await expect(bar).toBeVisible()
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 })
  await expect(page.getByText(`Đã nhập xong ${FILE}`)).toBeVisible()
  const summary = page.locator(".import-console .import-summary")
  await expect(summary.getByRole("definition")).toHaveText(["3", "2", "0", "0", "1"])
  await expect(summary.getByRole("term")).toHaveText(["Dòng đọc được", "Tạo mới", "Cập nhật", "Không đổi", "Bị từ chối"])

  // The error report names the refused row and its province.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Tải báo cáo lỗi \(1 lỗi/ }).click()])
  expect(readFileSync(await download.path(), "utf8")).toContain("Dòng 3: tỉnh Tuyên Quang không thuộc phạm vi của bạn")

  // The history lists the run: the file, who ran it, the counts.
  const row = page.getByRole("row", { name: new RegExp(FILE) })
  await expect(row).toBeVisible()
  await expect(row).toContainText(email)
  await expect(row).toContainText("Hoàn tất")

  // Fits the phone: nothing wider than the 390-px screen; no serious accessibility violation.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([])
  await page.screenshot({ path: "test-results/screenshots/curator-import-390x844.png", fullPage: true })
})
