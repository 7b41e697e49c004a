#!/usr/bin/env node
// Where a `next start` process's CPU went while serving one page: the samples of a `--cpu-prof` profile inside a
// time window (ms after the profile's start), each charged to the first of the categories below it passes through,
// per request served. docs/benchmarks.md, session 11:
//   node --cpu-prof --cpu-prof-dir=DIR node_modules/.bin/next start -p PORT   # load one page for a known window, stop with SIGINT
//   node bench/cpu-profile-breakdown.mjs DIR/CPU….cpuprofile FROM_MS TO_MS REQUESTS [DIST_DIR=.next]
import { readFileSync } from "node:fs"
import { join } from "node:path"

const [file, fromMs, toMs, requests, distDir = ".next"] = process.argv.slice(2)
if (!requests) {
  console.error("usage: cpu-profile-breakdown.mjs PROFILE FROM_MS TO_MS REQUESTS [DIST_DIR]")
  process.exit(2)
}
// The proxy (middleware) is bundled into chunks that `server/middleware.js` loads: their names are per build.
const proxyChunks = [...readFileSync(join(distDir, "server", "middleware.js"), "utf8").matchAll(/R\.c\("server\/chunks\/([^"]+)"\)/g)]
  .map((m) => m[1])
  .filter((name) => !name.startsWith("[externals]"))
const categories = [
  ["idle", (f) => f.functionName === "(idle)"],
  ["garbage collector", (f) => f.functionName === "(garbage collector)"],
  [
    "proxy: Next's middleware adapter + proxy.ts + next-intl",
    (f) => proxyChunks.some((c) => f.url.endsWith(c)) || /server\/web\/|runMiddleware/.test(f.url + f.functionName),
  ],
  ["gzip (compression)", (f) => /compression|node:zlib/.test(f.url)],
  ["Next's page handler (app-page runtime, ssr chunks)", (f) => /app-page|\/ssr\/|react-dom|react-server/.test(f.url)],
  [
    "routing (router-server, resolve-routes, base-server)",
    (f) => /router-server|base-server|resolve-routes|next-server|router-utils|route-matcher|request-meta|start-server/.test(f.url),
  ],
  ["node http / net / streams", (f) => /node:_http|node:net|node:internal\/streams|node:stream/.test(f.url)],
]
const profile = JSON.parse(readFileSync(file, "utf8"))
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const spent = new Map()
let t = 0
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]
  if (t < fromMs * 1000 || t > toMs * 1000) continue
  const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]
  const frames = []
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) frames.push(nodes.get(id).callFrame)
  const category = categories.find(([, test]) => frames.some(test))?.[0] ?? "other"
  spent.set(category, (spent.get(category) ?? 0) + dt)
}
const busy = [...spent].filter(([c]) => c !== "idle").reduce((sum, [, v]) => sum + v, 0)
console.log(`${(busy / 1000 / requests).toFixed(2)} ms of main-thread CPU a request (profiled), ${requests} requests`)
for (const [category, v] of [...spent].filter(([c]) => c !== "idle").sort((a, b) => b[1] - a[1]))
  console.log(`${(v / 1000 / requests).toFixed(3).padStart(7)} ms ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${category}`)
