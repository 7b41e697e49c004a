import { spawn } from "node:child_process"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { expect, test } from "@playwright/test"
import { createAttackTally } from "../../backend/integration-tests/fixtures/attack-tally"
import { readStack } from "../support/catalog"
import { BACKEND_PORT, BACKEND_URL, ROOT, STOREFRONT_PORT, STOREFRONT_URL } from "../support/stack"

// The shop's share of the security ledger (backend/.test-results/security-tally.ndjson).
const tally = createAttackTally("shop-hardening")
test.afterAll(() => {
  tally.report()
  expect(tally.leaks).toEqual([])
  expect(tally.serverErrors).toEqual([])
})

test("every page of the shop refuses to be framed or sniffed and keeps its paths to itself", async ({ request }) => {
  for (const path of ["/vi", "/vi/checkout", "/vi/account", "/vi/portal", "/vi/portal/invite?token=x", "/api/cart-count"]) {
    const response = await request.get(path)
    expect(response.status(), path).toBeLessThan(400)
    const headers = response.headers()
    expect(headers["content-security-policy"], path).toMatch(/frame-ancestors 'none'/)
    expect(headers["content-security-policy"], path).toMatch(/object-src 'none'/)
    expect(headers["content-security-policy"], path).toMatch(/base-uri 'self'/)
    expect(headers["content-security-policy"], path).toMatch(/form-action 'self'/)
    expect(headers["x-frame-options"], path).toBe("DENY")
    expect(headers["x-content-type-options"], path).toBe("nosniff")
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin")
    expect(headers["x-powered-by"], path).toBeUndefined()
  }
})

test("a page of another site cannot frame the shop", async ({ page }) => {
  // A hostile page served from another origin on this machine (a real server: Chromium's local-network checks
  // block frames from pages it cannot place on the loopback) frames the shop's home page.
  const hostile = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8")
    res.end(`<h1>Trúng thưởng!</h1><iframe id="shop" src="${STOREFRONT_URL}/vi"></iframe>`)
  })
  await new Promise<void>((ready) => hostile.listen(0, "127.0.0.1", ready))
  try {
    await page.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`)
    const frame = (await (await page.waitForSelector("#shop")).contentFrame())!
    await expect.poll(() => frame.url(), { timeout: 15_000 }).not.toBe("about:blank")
    await frame.waitForLoadState()
    // Chromium replaces a refused frame with its error page (without the header the frame holds the shop's
    // home page, titled "… Chợ OCOP").
    const content = await frame.content()
    tally.check("framing /vi from another origin", !content.includes("ERR_BLOCKED_BY_RESPONSE") && `the frame shows ${frame.url()}`)
    expect(frame.url()).toBe("chrome-error://chromewebdata/")
    expect(content).toContain("ERR_BLOCKED_BY_RESPONSE")
    expect(await frame.title()).not.toContain("OCOP")
  } finally {
    await new Promise((closed) => hostile.close(closed))
  }
})

test("/api/revalidate refuses a wrong or missing secret and obeys this run's", async ({ request }) => {
  const { revalidateSecret } = readStack()
  for (const secret of [undefined, "local-dev-revalidate-secret", `${revalidateSecret.slice(0, -1)}x`]) {
    const response = await request.post("/api/revalidate", { headers: secret ? { "x-revalidate-secret": secret } : {} })
    tally.record(`POST /api/revalidate with secret ${secret}`, { status: response.status() }, response.ok() && "revalidated")
    expect(response.status(), String(secret)).toBe(401)
  }
  expect((await request.post("/api/revalidate", { headers: { "x-revalidate-secret": revalidateSecret } })).status()).toBe(200)
})

test("the image optimiser fetches product photos from the backend and nothing else", async ({ request, page }) => {
  const { publishableKey } = readStack()
  const products = await (
    await request.get(`${BACKEND_URL}/store/products?limit=5&fields=thumbnail`, { headers: { "x-publishable-api-key": publishableKey } })
  ).json()
  const photo: string = products.products.map((p: { thumbnail: string | null }) => p.thumbnail).find(Boolean)
  expect(photo).toMatch(new RegExp(`^${BACKEND_URL}/static/`))
  const optimise = (url: string) => request.get(`/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`)

  const real = await optimise(photo)
  expect(real.status()).toBe(200)
  expect(real.headers()["content-type"]).toMatch(/^image\//)

  for (const url of [
    `${BACKEND_URL}/admin/users/me`,
    `${BACKEND_URL}/store/products?limit=1`,
    `${BACKEND_URL}/health`,
    `${BACKEND_URL}/app`,
    // The photo's path on other ports of the same host (PostgreSQL, the shop itself).
    photo.replace(`:${BACKEND_PORT}/`, ":5432/"),
    photo.replace(`:${BACKEND_PORT}/`, `:${STOREFRONT_PORT}/`),
    // A real image on another port of the same host: fetched and served before the fix.
    `${STOREFRONT_URL}/og-default.png`,
    // Path tricks that leave the photo folder once normalised.
    `${BACKEND_URL}/static/../admin/users/me`,
    `${BACKEND_URL}/static/%2e%2e/admin/users/me`,
  ]) {
    const response = await optimise(url)
    tally.record(`/_next/image?url=${url}`, { status: response.status() }, response.ok() && `served ${response.headers()["content-type"]}`)
    // Refused before any request leaves the shop (a fetched non-image would say "isn't a valid image").
    expect([url, response.status(), await response.text()]).toEqual([url, 400, '"url" parameter is not allowed'])
  }

  // And a buyer still sees photos: the home page's product cards load through the optimiser.
  await page.goto("/vi")
  const image = page.locator('img[src*="/_next/image"]').first()
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
})

test("the shop refuses to start without its secrets, naming each one", async () => {
  const storefrontDir = join(ROOT, "storefront")
  const env: NodeJS.ProcessEnv = { ...process.env, MEDUSA_BACKEND_URL: BACKEND_URL, NEXT_TELEMETRY_DISABLED: "1" }
  delete env.REVALIDATE_SECRET
  delete env.OCOP_FORWARDING_SECRET
  const child = spawn(join(storefrontDir, "node_modules", ".bin", "next"), ["start", "-p", String(STOREFRONT_PORT + 50)], {
    cwd: storefrontDir,
    env,
    detached: true,
  })
  let output = ""
  child.stdout.on("data", (d) => (output += d))
  child.stderr.on("data", (d) => (output += d))
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGTERM")
      resolve(null)
    }, 60_000)
    child.on("exit", (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  expect(code, output).toBe(1)
  expect(output).toContain("REVALIDATE_SECRET: chưa đặt / not set")
  expect(output).toContain("OCOP_FORWARDING_SECRET: chưa đặt / not set")
})
