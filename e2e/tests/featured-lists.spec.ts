import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"
import { adminToken, callBackend, readStack } from "../support/catalog"

test("a published featured list shows on the home page, and its page lists the products in order with ItemList JSON-LD", async ({ page }) => {
  const { publishableKey } = readStack()
  const token = await adminToken()
  // The home page is rendered and cached before the list exists: publishing must drop that cache.
  await page.goto("/vi")
  const { hits } = await callBackend<{ hits: { id: string; title: string; handle: string }[] }>("/store/ocop/search?limit=3&sort=-stars", {
    headers: { "x-publishable-api-key": publishableKey },
  })
  expect(hits).toHaveLength(3)
  // Not the search order: the list's own order must be the one shown.
  const chosen = [hits[2], hits[0], hits[1]]
  const title = `Quà Tết OCOP ${Date.now().toString(36)}`
  const auth = { authorization: `Bearer ${token}` }
  const { featured_list } = await callBackend<{ featured_list: { id: string; handle: string } }>("/admin/featured-lists", {
    method: "POST",
    headers: auth,
    body: {
      title,
      description: "Những món quà OCOP được tuyển chọn cho dịp Tết.",
      products: chosen.map((h) => h.id),
      starts_at: new Date(Date.now() - 86_400_000).toISOString(),
      ends_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  })
  await callBackend(`/admin/featured-lists/${featured_list.id}/publish`, { method: "POST", headers: auth })

  // The home page is cached under the catalogue tag; publishing the list drops it.
  const section = page.getByTestId("featured-list").filter({ has: page.getByRole("heading", { name: title }) })
  await expect(async () => {
    await page.reload()
    await expect(section).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 15_000, intervals: [500] })
  await expect(section.locator(".product-card-title")).toHaveText(chosen.map((h) => h.title))

  await section.getByRole("link", { name: title }).click()
  await expect(page).toHaveURL(new RegExp(`/vi/lists/${featured_list.handle}$`))
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title)
  await expect(page).toHaveTitle(new RegExp(title))
  await expect(page.locator(".product-card-title")).toHaveText(chosen.map((h) => h.title))
  const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t))
  const ld = blocks.find((b) => b["@type"] === "ItemList")
  expect(ld).toMatchObject({ "@type": "ItemList", name: title, numberOfItems: 3 })
  expect(ld.itemListElement.map((i: { position: number; url: string }) => [i.position, new URL(i.url).pathname])).toEqual(
    chosen.map((h, i) => [i + 1, `/vi/products/${h.handle}`])
  )

  // Reordering through the API reaches the cached list page too.
  const reordered = [chosen[1], chosen[2], chosen[0]]
  await callBackend(`/admin/featured-lists/${featured_list.id}/products`, {
    method: "POST",
    headers: auth,
    body: { products: reordered.map((h) => h.id) },
  })
  await expect(async () => {
    await page.reload()
    await expect(page.locator(".product-card-title")).toHaveText(
      reordered.map((h) => h.title),
      { timeout: 500 }
    )
  }).toPass({ timeout: 15_000, intervals: [500] })

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)
  console.log(`axe on the list page (serious + critical): ${serious.length}`)
  expect(serious).toEqual([])
})
