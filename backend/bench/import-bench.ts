import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { generateSyntheticRows, parseCertificationFile, writeSyntheticCsv } from "@ocop/seed"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ensureStoreDefaults } from "../src/scripts/lib/ensure-store-defaults"
import { runCertificationImport } from "../src/lib/run-certification-import"

/**
 * End-to-end import throughput (run by run-import-bench.mjs on a fresh database): 20,000 synthetic rows over the
 * 34 provinces become producers, draft products, certificates and links, with the search index following the
 * import's events; then the same list again, which must
 * be recognised as unchanged without writes. For scale, the same run times Medusa's own createProductsWorkflow
 * creating as many bare products in batches of 1,000. Prints rows/s and the process's peak RSS. Asserts nothing.
 */
export default async function importBench({ container }: ExecArgs) {
  const rows = Number(process.env.OCOP_BENCH_ROWS ?? 20000)
  await ensureStoreDefaults(container)
  // The product index follows the import, as in production (an index version must exist first).
  await (container.resolve(Modules.SEARCH) as any).reindex({ index: "product" })
  const file = writeSyntheticCsv(join(mkdtempSync(join(tmpdir(), "ocop-import-bench-")), "list.csv"), generateSyntheticRows(rows))
  const parsed = await parseCertificationFile(file)
  const { records } = parsed

  const measure = async (label: string) => {
    const start = performance.now()
    const summary = await runCertificationImport(container, records, { source: "bench.csv", parsed })
    const seconds = (performance.now() - start) / 1000
    const { errors: _errors, ...counts } = summary
    console.log(
      `${label}: ${records.length} rows in ${seconds.toFixed(1)} s = ${Math.round(records.length / seconds)} rows/s ` +
        `${JSON.stringify(counts)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`
    )
  }
  await measure("first import ")
  await measure("re-import    ")
  const [, products] = await container.resolve(Modules.PRODUCT).listAndCountProducts({}, { take: 1 })
  console.log(`products in the database: ${products}`)

  if (process.env.OCOP_BENCH_BASELINE !== "false") {
    const start = performance.now()
    for (let i = 0; i < rows; i += 1000) {
      await createProductsWorkflow(container).run({
        input: {
          products: Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({
            title: `Baseline ${i + j}`,
            options: [{ title: "Quy cách", values: ["Tiêu chuẩn"] }],
          })),
        },
      })
    }
    const seconds = (performance.now() - start) / 1000
    console.log(
      `baseline     : Medusa createProductsWorkflow, ${rows} bare products in ${seconds.toFixed(1)} s = ` + `${Math.round(rows / seconds)} products/s`
    )
  }
}
