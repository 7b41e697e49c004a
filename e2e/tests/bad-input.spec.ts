import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"

// A NUL byte and percent-encodings that do not decode to UTF-8, as a hand-edited or hostile link carries them.
const PAYLOADS = ["%00", "ca%00phe", "%E0%A4%A", "%FF%FE", "%"]

const PAGES = [
  "/vi/search?q={P}",
  "/en/search?q={P}&province={P}",
  "/api/suggest?q={P}",
  "/vi/products/{P}",
  "/vi/producers/{P}",
  "/vi/certificates/{P}",
  "/vi/provinces/{P}",
]

test("a NUL byte or a broken encoding in a link never gives the buyer a server error", async ({ request }) => {
  const answers: string[] = []
  for (const template of PAGES) {
    for (const payload of PAYLOADS) {
      const url = template.replaceAll("{P}", payload)
      const response = await request.get(url, { maxRedirects: 0 })
      answers.push(`${url} → ${response.status()}`)
    }
  }
  expect(answers).toHaveLength(PAGES.length * PAYLOADS.length)
  expect(answers.filter((a) => Number(a.split("→ ")[1]) >= 500)).toEqual([])

  // The search still renders its page, and the suggestions still answer, for a NUL.
  expect((await request.get("/vi/search?q=%00")).status()).toBe(200)
  const suggest = await request.get("/api/suggest?q=%00")
  expect(suggest.status()).toBe(200)
  expect(await suggest.json()).toEqual({ suggestions: [] })
})

test("the shop's quantity field stops at 99, the backend's per-line maximum", async ({ page }) => {
  const { honey } = readStack()
  await page.goto(`/vi/products/${honey.handle}`)
  const quantity = page.locator('input[name="quantity"]')
  await expect(quantity).toHaveAttribute("max", "99")
  await expect(quantity).toHaveAttribute("min", "1")
})
