import AxeBuilder from "@axe-core/playwright"
import { expect, test, type APIRequestContext, type Page } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

// Issue 14 part 3: a provincial curator is invited by the operator, registers from the link, reads the dashboard
// of the province, finds a certificate in the register, revokes it — and the shop drops the product's badge.

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)
}

/** Today in Việt Nam as YYYY-MM-DD (the backend's decision dates are Vietnamese calendar days). */
function todayInVietnam() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
}

const PRODUCT = "Lạp sườn hun khói Trùng Khánh"
const PRODUCER = "HTX Lạp sườn Trùng Khánh"
const run = Date.now().toString(36)

/** The operator lists a 4-star product of Cao Bằng (code 04) and publishes it; answers its handle and producer. */
async function listCaoBangProduct(request: APIRequestContext, token: string) {
  const auth = { authorization: `Bearer ${token}` }
  const list = ["STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định", `1,${PRODUCT},${PRODUCER},Trùng Khánh,Trùng Khánh,Cao Bằng,4,2201/QĐ-UBND,15/09/2025`, ""].join("\n")
  const upload = await request.post(`${BACKEND_URL}/admin/ocop/imports/file`, {
    headers: auth,
    multipart: { file: { name: "cao-bang.csv", mimeType: "text/csv", buffer: Buffer.from(list, "utf8") } },
  })
  expect(await upload.json()).toMatchObject({ read: 1, rejected: 0 })
  const { products } = await (await request.get(`${BACKEND_URL}/admin/products?q=${encodeURIComponent(PRODUCT)}`, { headers: auth })).json()
  expect(products).toHaveLength(1)
  expect((await request.post(`${BACKEND_URL}/admin/products/${products[0].id}`, { headers: auth, data: { status: "published" } })).status()).toBe(200)
  const ocop = await (await request.get(`${BACKEND_URL}/admin/products/${products[0].id}/ocop`, { headers: auth })).json()
  return { handle: products[0].handle as string, producerId: ocop.producer.id as string }
}

/** A person who runs the imported producer asks to manage it, as the portal's claim form does. */
async function fileClaim(request: APIRequestContext, producerId: string) {
  const email = `chu.htx.${run}@example.vn`
  const password = "mat-khau-htx-2026"
  const registered = await (await request.post(`${BACKEND_URL}/auth/producer/emailpass/register`, { data: { email, password } })).json()
  const member = await request.post(`${BACKEND_URL}/producer/members`, { headers: { authorization: `Bearer ${registered.token}` }, data: { name: "Nông Văn Thành" } })
  expect(member.status()).toBeLessThan(300)
  const { token } = await (await request.post(`${BACKEND_URL}/auth/producer/emailpass`, { data: { email, password } })).json()
  const claim = await request.post(`${BACKEND_URL}/producer/claims`, { headers: { authorization: `Bearer ${token}` }, data: { producer_id: producerId } })
  expect(claim.status()).toBe(201)
}

test("an invited curator registers, reads the province's dashboard, revokes a certificate and approves a claim", async ({ page, request }) => {
  readStack()
  const token = await adminToken()
  const { handle, producerId } = await listCaoBangProduct(request, token)
  await fileClaim(request, producerId)

  // The shop shows the product's valid 4-star badge before anything happens.
  const validBadge = page.locator(".product-info").getByLabel("Sản phẩm OCOP 4 sao, chứng nhận còn hiệu lực")
  await page.goto(`/vi/products/${handle}`)
  await expect(validBadge).toBeVisible()

  // The operator invites a curator for Cao Bằng; the link opens the console's invite page.
  const email = `can.bo.caobang.${run}@example.vn`
  const invite = await request.post(`${BACKEND_URL}/admin/curators/invites`, {
    headers: { authorization: `Bearer ${token}` },
    data: { email, province_codes: ["04"] },
  })
  expect(invite.status()).toBe(201)
  const link = new URL((await invite.json()).link)
  expect(link.pathname).toBe("/vi/curator/invite")

  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhận lời mời cán bộ OCOP")
  await page.getByLabel("Họ và tên").fill("Hoàng Thị Mai")
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)").fill("mat-khau-can-bo-2026")
  await page.getByRole("button", { name: "Tạo tài khoản và vào bàn làm việc" }).click()

  // Dashboard: the province, the charts drawn as SVG, each with its table.
  await expect(page).toHaveURL(/\/vi\/curator$/)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phạm vi: Tỉnh Cao Bằng")
  const starsChart = page.getByRole("figure", { name: "Sản phẩm theo hạng sao" })
  await expect(starsChart.getByRole("img")).toBeVisible()
  await expect(page.getByRole("figure", { name: "Sản phẩm theo ngành (QĐ 148)" }).getByRole("img")).toBeVisible()
  await expect(page.getByRole("figure", { name: "Sản phẩm theo loại chủ thể" }).getByRole("img")).toBeVisible()
  // Issue 14: communes in force since 2025, listings on sale vs showcase, 30-day sales, producers' shares.
  const communeChart = page.getByRole("figure", { name: "Sản phẩm theo xã, phường hiện hành" })
  await expect(communeChart.getByRole("img")).toBeVisible()
  await expect(page.getByRole("figure", { name: "Gian hàng sản phẩm đang mang sao" }).getByRole("img")).toBeVisible()
  const salesChart = page.getByRole("figure", { name: "Doanh thu theo ngày, 30 ngày qua" })
  await expect(salesChart.getByRole("img")).toBeVisible()
  await salesChart.getByText("Xem dạng bảng").click()
  await expect(salesChart.getByRole("row")).toHaveCount(31)
  const producers = page.getByRole("region", { name: "Chủ thể trong phạm vi" })
  await expect(producers.getByText("Do phụ nữ làm chủ")).toBeVisible()
  await expect(producers.getByText(/chủ thể chưa cho biết/).first()).toBeVisible()
  await starsChart.getByText("Xem dạng bảng").click()
  const fourStars = starsChart.getByRole("row", { name: /^4 sao/ }).getByRole("cell")
  await expect(fourStars).toBeVisible()
  expect(Number(await fourStars.textContent())).toBeGreaterThanOrEqual(1)
  const dashboardViolations = await seriousViolations(page)
  await page.screenshot({ path: "test-results/screenshots/curator-dashboard-390x844.png", fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: "test-results/screenshots/curator-dashboard-1280x800.png", fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })

  // Register: filter by text and stars; the filters stay in the URL.
  await page.getByRole("navigation", { name: "Bàn làm việc OCOP" }).getByRole("link", { name: "Sổ chứng nhận" }).click()
  await page.getByLabel("Tìm sản phẩm, chủ thể, số quyết định").fill("Lạp sườn hun khói")
  await page.getByLabel("Hạng sao").selectOption("4")
  await page.getByRole("button", { name: "Lọc", exact: true }).click()
  await expect(page).toHaveURL(/stars=4/)
  await expect(page.getByText("1 giấy chứng nhận")).toBeVisible()
  const registerViolations = await seriousViolations(page)
  await page.getByRole("link", { name: PRODUCT }).click()

  // Certificate: its history says who recorded it; a revocation without a reason is refused beside that field.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRODUCT)
  await expect(page.getByRole("row", { name: /Công nhận lần đầu/ })).toBeVisible()
  const certificateViolations = await seriousViolations(page)
  const revoke = page.getByRole("form", { name: "Thu hồi giấy chứng nhận" })
  await revoke.getByLabel("Số quyết định thu hồi").fill("37/QĐ-UBND")
  await revoke.getByLabel("Ngày quyết định thu hồi").fill(todayInVietnam())
  await revoke.getByRole("button", { name: "Thu hồi" }).click()
  await expect(revoke.locator("#revoke-reason-error")).toContainText("reason")
  await expect(revoke.getByLabel("Lý do thu hồi")).toHaveAttribute("aria-invalid", "true")
  await expect(revoke.getByLabel("Số quyết định thu hồi")).toHaveValue("37/QĐ-UBND")
  await revoke.getByLabel("Lý do thu hồi").fill("Cơ sở ngừng sản xuất, không còn đáp ứng tiêu chí")
  await revoke.getByRole("button", { name: "Thu hồi" }).click()
  // The page re-reads the certificate: revoked, the forms gone, the revocation in the history with the curator.
  await expect(page.locator(".status-tag").first()).toHaveText("Đã thu hồi")
  await expect(page.getByRole("form", { name: "Thu hồi giấy chứng nhận" })).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole("row", { name: new RegExp(`Thu hồi.*37/QĐ-UBND.*${email.replace(/\./g, "\\.")}`) })).toBeVisible()

  // The shop follows: the product's page no longer shows a valid badge.
  await expect(async () => {
    await page.goto(`/vi/products/${handle}`)
    await expect(validBadge).toHaveCount(0, { timeout: 1000 })
    await expect(page.getByTestId("certificate-status")).not.toHaveText("Còn hiệu lực", { timeout: 1000 })
  }).toPass({ timeout: 30_000 })

  // Claims: the HTX's pending claim is approved and leaves the queue.
  await page.goto("/vi/curator/claims")
  await page.getByRole("button", { name: `Chấp thuận: ${PRODUCER}` }).click()
  await expect(page.getByRole("button", { name: `Chấp thuận: ${PRODUCER}` })).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yêu cầu nhận quản lý chủ thể")
  await expect(page.getByRole("button", { name: `Chấp thuận: ${PRODUCER}` })).toHaveCount(0)

  console.log(`axe curator (serious + critical): dashboard ${dashboardViolations.length}, register ${registerViolations.length}, certificate ${certificateViolations.length}`)
  expect({ dashboard: dashboardViolations, register: registerViolations, certificate: certificateViolations }).toEqual({ dashboard: [], register: [], certificate: [] })
})

test("the console is not for search engines and sends a stranger to the sign-in page", async ({ page }) => {
  const response = await page.goto("/vi/curator/certificates")
  expect(response?.status()).toBeLessThan(400)
  await expect(page).toHaveURL(/\/vi\/curator\/login$/)
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/)
})
