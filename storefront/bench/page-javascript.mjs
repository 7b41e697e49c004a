// The JavaScript each page of the production build sends, gzip, read from the build's own manifests (no server,
// no browser, no timing: the figure is the same on a busy and a quiet machine). Run after `next build`:
//   npm run bench:js -w @ocop/storefront
// `NEXT_DIST_DIR=.next-b` reads another build of the same shop (next.config.ts builds there with the same variable),
// to compare two builds side by side.
// It counts the runtime every page loads (rootMainFiles) plus the client chunks of the page's segments. Chunks with
// `nomodule` polyfills are not counted: browsers of today skip them.
import { readFileSync, existsSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { gzipSync } from "node:zlib"

const dir = join(import.meta.dirname, "..", process.env.NEXT_DIST_DIR ?? ".next")
if (!existsSync(join(dir, "BUILD_ID"))) {
  console.error("no production build in storefront/.next: run `npm run build -w @ocop/storefront` first")
  process.exit(1)
}
const BUDGET_KB = 120
const pages = {
  home: "/[locale]/page",
  search: "/[locale]/search/page",
  product: "/[locale]/products/[handle]/page",
  province: "/[locale]/provinces/[code]/page",
  "featured list": "/[locale]/lists/[handle]/page",
  checkout: "/[locale]/checkout/page",
}
const require = createRequire(import.meta.url)
globalThis.self = globalThis
const gzipKb = (file) => gzipSync(readFileSync(join(dir, file.replace(/^\/?_next\//, "")))).length / 1024
const runtime = JSON.parse(readFileSync(join(dir, "build-manifest.json"), "utf8")).rootMainFiles
const runtimeKb = runtime.reduce((sum, f) => sum + gzipKb(f), 0)

console.log(`JavaScript per page (gzip), Next's runtime ${runtimeKb.toFixed(1)} KB included; budget ${BUDGET_KB} KB`)
for (const [name, route] of Object.entries(pages)) {
  require(join(dir, "server", "app", route.replace(/\/page$/, ""), "page_client-reference-manifest.js"))
  const manifest = globalThis.__RSC_MANIFEST[route]
  const files = new Set(Object.values(manifest.entryJSFiles ?? {}).flat())
  const pageKb = [...files].filter((f) => !runtime.includes(f.replace(/^\/?_next\//, ""))).reduce((sum, f) => sum + gzipKb(f), 0)
  const total = runtimeKb + pageKb
  console.log(
    `${name.padEnd(14)} ${total.toFixed(1).padStart(6)} KB  (page and layouts ${pageKb.toFixed(1)} KB)${total > BUDGET_KB ? "  over budget" : ""}`
  )
}
