import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"

test.use({ viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 })

test("home, search, product and checkout at 1440×900, kept as artefacts", async ({ page }) => {
  const { honey } = readStack()
  const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/${name}-1440x900.png`, fullPage: true })
  await page.goto("/vi")
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  await shot("home")
  await page.goto("/vi/search?q=mat+ong")
  await expect(page.getByTestId("result-count")).toBeVisible()
  await shot("search")
  await page.goto(`/vi/products/${honey.handle}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(honey.title)
  await shot("product")
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible()
  await page.goto("/vi/checkout")
  await expect(page.getByRole("button", { name: "Đặt hàng" })).toBeVisible()
  await shot("checkout")
})
