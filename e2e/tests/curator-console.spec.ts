import { expect, test, type APIRequestContext } from "@playwright/test"
import { adminToken, readStack } from "../support/catalog"
import { importAndPublishProducts, joinAsInvitedCurator, seriousViolations, todayInVietnam } from "../support/curator"
import { BACKEND_URL } from "../support/stack"

// Issue 14 part 3: a provincial curator is invited by the operator, registers from the link, reads the dashboard
// of the province, finds a certificate in the register, revokes it — and the shop drops the product's badge.

const PRODUCT = "Lạp sườn hun khói Trùng Khánh"
const PRODUCER = "HTX Lạp sườn Trùng Khánh"
const run = Date.now().toString(36)

/** The operator lists a 4-star product of Cao Bằng (code 04) and publishes it; answers its handle and producer. */
async function listCaoBangProduct(request: APIRequestContext, token: string) {
  const [listed] = await importAndPublishProducts(request, token, [
    {
      title: PRODUCT,
      producer: PRODUCER,
      commune: "Trùng Khánh",
      district: "Trùng Khánh",
      province: "Cao Bằng",
      stars: 4,
      decision: "2201/QĐ-UBND",
      date: "15/09/2025",
    },
  ])
  return { handle: listed.handle, producerId: listed.producerId }
}

/** A person who runs the imported producer asks to manage it, as the portal's claim form does. */
async function fileClaim(request: APIRequestContext, producerId: string) {
  const email = `chu.htx.${run}@example.vn`
  const password = "mat-khau-htx-2026"
  const registered = await (await request.post(`${BACKEND_URL}/auth/producer/emailpass/register`, { data: { email, password } })).json()
  const member = await request.post(`${BACKEND_URL}/producer/members`, {
    headers: { authorization: `Bearer ${registered.token}` },
    data: { name: "Nông Văn Thành" },
  })
  expect(member.status()).toBeLessThan(300)
  const { token } = await (await request.post(`${BACKEND_URL}/auth/producer/emailpass`, { data: { email, password } })).json()
  const claim = await request.post(`${BACKEND_URL}/producer/claims`, {
    headers: { authorization: `Bearer ${token}` },
    data: { producer_id: producerId },
  })
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
  await joinAsInvitedCurator(page, request, token, { email, name: "Hoàng Thị Mai", provinceCodes: ["04"] })

  // Dashboard: the province, the charts drawn as SVG, each with its table.
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

  console.log(
    `axe curator (serious + critical): dashboard ${dashboardViolations.length}, register ${registerViolations.length}, certificate ${certificateViolations.length}`
  )
  expect({ dashboard: dashboardViolations, register: registerViolations, certificate: certificateViolations }).toEqual({
    dashboard: [],
    register: [],
    certificate: [],
  })
})

test("the console is not for search engines and sends a stranger to the sign-in page", async ({ page }) => {
  const response = await page.goto("/vi/curator/certificates")
  expect(response?.status()).toBeLessThan(400)
  await expect(page).toHaveURL(/\/vi\/curator\/login$/)
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/)
})
