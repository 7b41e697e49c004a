import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"
import { readStack } from "../support/catalog"

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`
    )
}

test("home, search, product, cart and checkout have no serious or critical axe violations", async ({ page }) => {
  const { honey } = readStack()
  const report: Record<string, string[]> = {}
  for (const [name, path] of [
    ["home", "/vi"],
    ["search", "/vi/search?q=mat+ong&stars=4"],
    ["product", `/vi/products/${honey.handle}`],
  ] as const) {
    await page.goto(path)
    report[name] = await seriousViolations(page)
  }
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible()
  await page.goto("/vi/cart")
  report.cart = await seriousViolations(page)
  await page.goto("/vi/checkout")
  report.checkout = await seriousViolations(page)
  // Errors shown after a bad submit must be accessible too.
  await page.getByRole("button", { name: "Đặt hàng" }).click()
  await expect(page.getByText("Vui lòng kiểm tra lại các ô được đánh dấu.")).toBeVisible()
  report["checkout with errors"] = await seriousViolations(page)
  console.log(`axe (serious + critical): ${JSON.stringify(Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.length])))}`)
  expect(report).toEqual({ home: [], search: [], product: [], cart: [], checkout: [], "checkout with errors": [] })
})

test("the keyboard reaches search, the suggestions and the add-to-cart button", async ({ page }) => {
  const { honey } = readStack()
  await page.goto("/vi")
  await page.keyboard.press("Tab")
  await expect(page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" })).toBeFocused()
  const search = page.getByRole("combobox", { name: "Tìm sản phẩm OCOP" })
  await search.focus()
  await search.pressSequentially("mat ong bac")
  await expect(page.getByRole("option", { name: new RegExp(honey.title) })).toBeVisible()
  await search.press("ArrowDown")
  await search.press("Enter")
  await expect(page).toHaveURL(new RegExp(`/vi/products/${honey.handle}`))
})
