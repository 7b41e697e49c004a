import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"
import { adminToken, readStack, waitUntilSearchable } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

// Issue 14: a certified product imported from a province's list is in the shop at once, as a showcase listing.
test("an imported product is a showcase listing: in search with 'Chưa bán trực tuyến' and a placeholder, its page has the claim link and no add-to-cart", async ({
  page,
  request,
}) => {
  const { publishableKey } = readStack()
  const title = "Bánh cốm trưng bày Hạ Long"
  const list = [
    "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định",
    `1,${title},HTX Bánh cốm Trưng Bày,Hà Tu,Hạ Long,Quảng Ninh,4,1601/QĐ-UBND,12/09/2025`,
    "",
  ].join("\n")
  const upload = await request.post(`${BACKEND_URL}/admin/ocop/imports/file`, {
    headers: { authorization: `Bearer ${await adminToken()}` },
    multipart: { file: { name: "trung-bay.csv", mimeType: "text/csv", buffer: Buffer.from(list, "utf8") } },
  })
  expect(await upload.json()).toMatchObject({ read: 1, created: 1, rejected: 0 })
  // No operator step: the import alone puts it in search.
  await waitUntilSearchable(title, publishableKey)

  await page.goto(`/vi/search?q=${encodeURIComponent(title)}`)
  const card = page.locator("article.product-card").filter({ has: page.getByRole("link", { name: title }) })
  await expect(card).toHaveAttribute("data-listing", "showcase")
  await expect(card.getByText("Chưa bán trực tuyến")).toBeVisible()
  await expect(card.getByTestId("sector-placeholder")).toBeVisible()
  await expect(card.locator("img")).toHaveCount(0)

  // "Mua được ngay" leaves it out; the link keeps the filter in the URL.
  await page.getByRole("link", { name: /Mua được ngay/ }).click()
  await expect(page).toHaveURL(/buyable=true/)
  await expect(page.getByRole("link", { name: title })).toHaveCount(0)

  await page.goto(`/vi/search?q=${encodeURIComponent(title)}`)
  await page.getByRole("link", { name: title }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title)
  await expect(page.getByTestId("showcase-box")).toContainText("Chưa bán trực tuyến")
  await expect(page.getByRole("img", { name: /Hình minh hoạ nhóm/ })).toBeVisible()
  const claim = page.getByRole("link", { name: "Nhận quản lý gian hàng" })
  await expect(claim).toHaveAttribute("href", /\/vi\/portal\/claim\?producer=/)
  await expect(page.getByRole("button", { name: "Thêm vào giỏ" })).toHaveCount(0)

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`
    )
  expect(serious).toEqual([])

  await claim.click()
  // The existing claim page (or the sign-in before it) takes the producer on from here.
  await expect(page).toHaveURL(/\/vi\/portal/)
})
