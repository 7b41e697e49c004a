import { gzipSync } from "node:zlib"
import { performance } from "node:perf_hooks"
import { test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { STOREFRONT_URL } from "../support/stack"

const CONNECTIONS = 20
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15)

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/**
 * Time to first byte (response headers) and to the whole page under `CONNECTIONS` concurrent clients for `SECONDS`.
 * `path` may be a function of the request's number: a new URL each time measures what nothing cached costs.
 */
async function measureTtfb(path: string | ((n: number) => string)) {
  const times: number[] = []
  const whole: number[] = []
  let sent = 0
  let errors = 0
  const end = Date.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const start = performance.now()
        const response = await fetch(`${STOREFRONT_URL}${typeof path === "string" ? path : path(sent++)}`).catch(() => null)
        if (!response?.ok) errors++
        else times.push(performance.now() - start)
        await response?.arrayBuffer()
        if (response?.ok) whole.push(performance.now() - start)
      }
    })
  )
  times.sort((a, b) => a - b)
  whole.sort((a, b) => a - b)
  return {
    requests: times.length,
    perSecond: times.length / SECONDS,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    wholeP95: percentile(whole, 95),
    errors,
  }
}

test("storefront: TTFB under 20 connections, Lighthouse mobile scores, JavaScript on the product page", async ({ browser }) => {
  const { honey } = readStack()
  const pages = { home: "/vi", search: "/vi/search?q=mat+ong&stars=4", product: `/vi/products/${honey.handle}` }

  // One visit each so the shared cache holds them, as it would in production after the first buyer.
  for (const path of Object.values(pages)) await fetch(`${STOREFRONT_URL}${path}`)
  // The anchor for the search page: a search state nobody asked for before on every request (a new price floor
  // each time), so neither the shop's page cache nor its cached backend answer can serve it.
  const measured = { ...pages, "search, a new search each request": (n: number) => `/vi/search?q=mat+ong&stars=4&price_min=${n + 1}` }
  for (const [name, path] of Object.entries(measured)) {
    const r = await measureTtfb(path)
    console.log(
      `TTFB ${name} (${CONNECTIONS} connections, ${SECONDS} s): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ` +
        `whole page p95 ${r.wholeP95.toFixed(1)} ms, ${r.perSecond.toFixed(0)} req/s, errors ${r.errors}`
    )
  }

  const page = await browser.newPage()
  const scripts = new Map<string, number>()
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return
    const body = await response.body().catch(() => null)
    if (body) scripts.set(response.url(), gzipSync(body).length)
  })
  await page.goto(pages.product, { waitUntil: "networkidle" })
  const total = [...scripts.values()].reduce((a, b) => a + b, 0)
  console.log(`JavaScript on the product page: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.size} files`)
  await page.close()

  const { default: lighthouse } = await import("lighthouse")
  const chromeLauncher = await import("chrome-launcher")
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  })
  try {
    for (const name of ["home", "product"] as const) {
      const result = await lighthouse(`${STOREFRONT_URL}${pages[name]}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "seo"],
      })
      const c = result!.lhr.categories
      const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100)
      const audit = (id: string) => result!.lhr.audits[id]?.displayValue ?? "?"
      console.log(
        `Lighthouse mobile ${name}: performance ${score("performance")}, accessibility ${score("accessibility")}, SEO ${score("seo")} ` +
          `(FCP ${audit("first-contentful-paint")}, LCP ${audit("largest-contentful-paint")}, TBT ${audit("total-blocking-time")}, ` +
          `CLS ${audit("cumulative-layout-shift")}, SI ${audit("speed-index")})`
      )
      if (process.env.BENCH_LIGHTHOUSE_REPORT) {
        const { writeFileSync } = await import("node:fs")
        writeFileSync(`test-results/lighthouse-${name}.json`, JSON.stringify(result!.lhr))
      }
    }
  } finally {
    await chrome.kill()
  }
})
