import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { STOREFRONT_URL } from "../support/stack"

// What a real Chromium paints, without Lighthouse's model: every `largest-contentful-paint` entry of one load of
// the catalogue pages (time, size, element, whether hydration kept that element), the paint timings and any console
// error (a hydration mismatch would show here and as a second entry for a new element), unthrottled and with the
// CPU slowed 4× as Lighthouse's mobile preset assumes. Also saves a DevTools performance trace of the home page's
// load in test-results/ (open it in DevTools' Performance panel). docs/benchmarks.md, session 10.

// Runs in the page (a string: the bench's transpiler may wrap functions in helpers the page does not have).
const OBSERVE = `window.__lcp = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(e) })
  .observe({ type: "largest-contentful-paint", buffered: true })`
const READ = `(() => {
  const name = (el) => el ? el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "") + ' "' + (el.textContent || "").trim().slice(0, 30) + '"' : "(removed from the page)"
  const first = window.__lcp[0] && window.__lcp[0].element
  return {
    paints: performance.getEntriesByType("paint").map((p) => p.name + " " + Math.round(p.startTime) + " ms").join(", "),
    dcl: Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd),
    entries: window.__lcp.map((e) => Math.round(e.startTime) + " ms, size " + e.size + ", " + name(e.element) +
      (e.element ? (e.element.isConnected ? ", still in the page" : ", replaced") : "") + (e.element && e.element !== first ? ", another element" : "")),
  }
})()`

test("storefront: LCP entries and paints of one load per catalogue page, unthrottled and CPU 4×", async ({ browser }) => {
  const { honey } = readStack()
  const provinces = await fetch(`${STOREFRONT_URL}/vi/provinces`).then((r) => r.text())
  const province = provinces.match(/href="(\/vi\/provinces\/[^"]+)"/)![1]
  const pages = { home: "/vi", search: "/vi/search?q=mat+ong&stars=4", product: `/vi/products/${honey.handle}`, province }
  for (const rate of [1, 4]) {
    for (const [name, path] of Object.entries(pages)) {
      // Lighthouse's mobile screen: 412×823 at 1.75 device pixels.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true })
      const page = await context.newPage()
      const errors: string[] = []
      page.on("console", (m) => m.type() === "error" && errors.push(m.text().slice(0, 200)))
      page.on("pageerror", (e) => errors.push(e.message.slice(0, 200)))
      await page.addInitScript(OBSERVE)
      await page.goto(path) // warm: the shared cache holds the page, as after the first buyer
      const cdp = await context.newCDPSession(page)
      await cdp.send("Emulation.setCPUThrottlingRate", { rate })
      const tracing = rate === 1 && name === "home"
      if (tracing)
        await cdp.send("Tracing.start", {
          categories:
            "devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,loading,v8.execute,blink.user_timing",
          transferMode: "ReturnAsStream",
        })
      await page.reload({ waitUntil: "networkidle" })
      await page.waitForTimeout(1000)
      const r = (await page.evaluate(READ)) as { paints: string; dcl: number; entries: string[] }
      if (tracing) {
        const done = new Promise<{ stream: string }>((resolve) => cdp.once("Tracing.tracingComplete", (e) => resolve(e as { stream: string })))
        await cdp.send("Tracing.end")
        const { stream } = await done
        let trace = ""
        for (;;) {
          const chunk = await cdp.send("IO.read", { handle: stream })
          trace += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString() : chunk.data
          if (chunk.eof) break
        }
        writeFileSync(join(__dirname, "..", "test-results", "lcp-trace-home.json"), trace)
      }
      console.log(`${name}, CPU ${rate}×: DOMContentLoaded ${r.dcl} ms, ${r.paints}; console errors: ${errors.join(" | ") || "none"}`)
      for (const entry of r.entries) console.log(`  LCP entry ${entry}`)
      await context.close()
    }
  }
})
