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

test("a search page is served from the shared cache and shows a changed price within 60 seconds", async ({ page, request }) => {
  const { publishableKey } = readStack()
  const { hits } = await (
    await request.get(`${BACKEND_URL}/store/ocop/search?q=gao&buyable=true&limit=1`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  const { product } = await (
    await request.get(`${BACKEND_URL}/store/ocop/products/${hits[0].handle}`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  // The product's own title as the query: its card is on the first page, and no other test caches this search.
  const search = `/vi/search?q=${encodeURIComponent(product.title)}&buyable=true`
  await page.goto(search)
  const card = page.locator("article.product-card").filter({ has: page.getByRole("heading", { name: product.title, exact: true }) })
  await expect(card.locator(".product-card-price")).toBeVisible()
  // The same search written in another order is the same page, served from the cache without rendering.
  const cached = await request.get(`/vi/search?buyable=true&q=${encodeURIComponent(product.title)}`)
  expect(cached.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/)

  const newPrice = 234000
  await setVariantPrice(await adminToken(), product.id, product.variants[0].id, newPrice)
  const changedAt = Date.now()
  await expect(async () => {
    await page.reload()
    await expect(card.locator(".product-card-price")).toHaveText(/234\.000\s₫/, { timeout: 500 })
  }).toPass({ timeout: 60_000, intervals: [1_000] })
  console.log(`search page shows the new price ${Date.now() - changedAt} ms after the admin change`)
})
