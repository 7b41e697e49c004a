import { expect, test } from "@playwright/test"
import { adminToken, readStack, setVariantPrice } from "../support/catalog"
import { BACKEND_URL } from "../support/stack"

test("a price changed in the admin shows on the cached product page within 5 seconds", async ({ page, request }) => {
  const { publishableKey } = readStack()
  const { hits } = await (
    await request.get(`${BACKEND_URL}/store/ocop/search?q=gao&buyable=true&limit=1`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  const { product } = await (
    await request.get(`${BACKEND_URL}/store/ocop/products/${hits[0].handle}`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  await page.goto(`/vi/products/${product.handle}`)
  const before = await page.getByTestId("product-price").textContent()
  // A second visit is served from the shared cache: the page is not rendered per buyer.
  const cached = await request.get(`/vi/products/${product.handle}`)
  expect(cached.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/)

  const newPrice = 123000
  await setVariantPrice(await adminToken(), product.id, product.variants[0].id, newPrice)
  const changedAt = Date.now()
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId("product-price")).toHaveText(/123\.000\s₫/, { timeout: 300 })
  }).toPass({ timeout: 5_000, intervals: [250] })
  console.log(`price visible ${Date.now() - changedAt} ms after the admin change (was ${before})`)
})
