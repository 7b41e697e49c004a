#!/usr/bin/env node
// The workspaces' `build` (backend: `medusa build`, storefront: `next build`), run by turbo in `npm run build` and
// `npm test`: builds and records the digest of the sources beside the build (scripts/lib/stack.mjs), so that
// `npm start`, `npm run start:cluster` and `npm run test:faults` reuse it instead of building again.
// `--if-changed` builds only when the build there was made from other sources (the fault tests, before a start).
import { buildBackend, buildShop, ensureBackendBuild, ensureShopBuild, stopOnSignals } from "./lib/stack.mjs"

const builders = { backend: [buildBackend, ensureBackendBuild], shop: [buildShop, ensureShopBuild] }
const [always, ifChanged] = builders[process.argv[2]] ?? []
if (!always) {
  process.stderr.write(`[ocop] build: backend hoặc shop / backend or shop (not "${process.argv[2] ?? ""}")\n`)
  process.exit(2)
}
// Ctrl-C stops the build it started (run in its own process group) too.
stopOnSignals()
try {
  await (process.argv.includes("--if-changed") ? ifChanged : always)(process.env)
} catch (error) {
  process.stderr.write(`[ocop] ${error.message}\n`)
  process.exit(1)
}
