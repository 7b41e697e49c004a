import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { generateSyntheticRows, parseCertificationBuffer } from "@ocop/seed"
import { writeSyntheticCsv } from "@ocop/seed"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ensureStoreDefaults } from "../src/scripts/lib/ensure-store-defaults"
import { runCertificationImport } from "../src/lib/run-certification-import"

/**
 * Builds the search benchmark's catalogue (run by run-search-bench.mjs on a fresh database): OCOP_BENCH_ROWS
 * synthetic listed products imported and published, then a timed full rebuild of the product index.
 */
export default async function seedSearchCatalog({ container }: ExecArgs) {
  const rows = Number(process.env.OCOP_BENCH_ROWS ?? 20000)
  const defaults = await ensureStoreDefaults(container)
  const searchModule = container.resolve(Modules.SEARCH) as any
  // An index version must exist before writes can flow into it (the app builds it at start; this is a script).
  await searchModule.reindex({ index: "product" })
  const products = container.resolve(Modules.PRODUCT)
  // A kept catalogue (BENCH_REUSE_DATABASE) is only indexed again, so its build time can be measured again.
  const [, published] = await products.listAndCountProducts({ status: "published" }, { select: ["id"], take: 1 })
  if (published < rows) {
    const file = writeSyntheticCsv(join(mkdtempSync(join(tmpdir(), "ocop-search-bench-")), "list.csv"), generateSyntheticRows(rows, 4242))
    const { records } = await parseCertificationBuffer(readFileSync(file), "list.csv")
    await runCertificationImport(container, records, { source: "bench.csv" })
    const drafts = await products.listProducts({ status: "draft" }, { select: ["id"], take: null as any })
    for (let i = 0; i < drafts.length; i += 2000) {
      await products.updateProducts({ id: drafts.slice(i, i + 2000).map((p) => p.id) }, { status: "published" })
    }
  }
  const [, count] = await products.listAndCountProducts({ status: "published" }, { select: ["id"], take: 1 })
  const start = performance.now()
  await searchModule.reindex({ index: "product" })
  const seconds = (performance.now() - start) / 1000
  console.log(`index build: ${count} products in ${seconds.toFixed(1)} s`)
  console.log(`OCOP_BENCH ${JSON.stringify({ publishable_key: defaults.publishableKey, products: count })}`)
}
