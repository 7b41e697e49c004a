import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { generateSyntheticRows, parseCertificationFile, writeSyntheticCsv } from "@ocop/seed"
import Redis from "ioredis"
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
 * With REDIS_URL (run-import-bench.mjs's `worker` topology) the index ingests in another process, a worker.
 */
export default async function importBench({ container }: ExecArgs) {
  const rows = Number(process.env.OCOP_BENCH_ROWS ?? 20000)
  await ensureStoreDefaults(container)
  // The product index follows the import, as in production (an index version must exist first).
  await (container.resolve(Modules.SEARCH) as any).reindex({ index: "product" })
  const file = writeSyntheticCsv(join(mkdtempSync(join(tmpdir(), "ocop-import-bench-")), "list.csv"), generateSyntheticRows(rows))
  const parsed = await parseCertificationFile(file)
  const { records } = parsed

  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { physical_name } = await (container.resolve(Modules.SEARCH) as any).resolveActiveDefinition_("product")
  const {
    rows: [{ table_name: documents }],
  } = await pg.raw(`SELECT "table_name" FROM "search_postgres_index" WHERE "name" = ?`, [physical_name])
  // The index follows the import's events after the import has answered: "end to end" ends when the index holds
  // every product and has stopped writing (no document changed for two seconds). Without this wait the next
  // measurement (the re-import) paid for the index catching up with the first import.
  const waitForIndex = async (expected: number) => {
    let last = ""
    for (;;) {
      const {
        rows: [row],
      } = await pg.raw(`SELECT count(*)::int AS "n", max("updated_at")::text AS "latest" FROM "${documents}"`)
      const latest = `${row.n}|${row.latest}`
      if (row.n >= expected && latest === last) return
      last = latest
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
  }
  // Scaled out, the worker also works through the import's other queued events after the index is complete (each
  // module's events of every row written, for Medusa's caching; lowest priority). The next measurement starts
  // once that queue is empty, so it does not share the machine with the previous import's tail; the wait is
  // printed, not counted in either figure.
  const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null }) : null
  const waitForEventQueue = async () => {
    if (!redis) return 0
    const start = performance.now()
    const queue = "RedisEventBusService:events-queue"
    for (;;) {
      const [[, prioritized], [, waiting], [, active], [, delayed]] = (await redis
        .multi()
        .zcard(`${queue}:prioritized`)
        .llen(`${queue}:wait`)
        .llen(`${queue}:active`)
        .zcard(`${queue}:delayed`)
        .exec()) as [unknown, number][]
      if (!prioritized && !waiting && !active && !delayed) return (performance.now() - start) / 1000
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  // BENCH_MEMORY_LOG_MS: the importing process's memory every so many ms, to see when it peaks and in which part
  // (V8's heap, or outside it: buffers, native allocations).
  const memoryLogMs = Number(process.env.BENCH_MEMORY_LOG_MS ?? 0)
  const benchStart = performance.now()
  const memoryLog = memoryLogMs
    ? setInterval(() => {
        const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
        const mb = (n: number) => Math.round(n / 1048576)
        console.log(
          `  memory at ${((performance.now() - benchStart) / 1000).toFixed(0)} s: rss ${mb(rss)} MB, heap used ${mb(heapUsed)} MB, ` +
            `external ${mb(external)} MB (array buffers ${mb(arrayBuffers)} MB)`
        )
      }, memoryLogMs)
    : null
  const measure = async (label: string) => {
    const start = performance.now()
    // The window on the monotonic clock a --cpu-prof profile stamps its samples with (µs), to cut a profile to it.
    const from = process.hrtime.bigint() / 1000n
    // CPU time is steadier than the clock on a shared machine: other tenants stretch the wall time, far less the
    // importing process's own work (compare changes by both).
    const cpuAtStart = process.cpuUsage()
    if (memoryLogMs) console.log(`  ${label.trim()} starts at ${((performance.now() - benchStart) / 1000).toFixed(0)} s`)
    const summary = await runCertificationImport(container, records, { source: "bench.csv", parsed })
    const answered = (performance.now() - start) / 1000
    const { user, system } = process.cpuUsage(cpuAtStart)
    const to = process.hrtime.bigint() / 1000n
    await waitForIndex(records.length)
    // The last poll saw no change for its 2 s: that wait is not the import's.
    const seconds = Math.max(answered, (performance.now() - start) / 1000 - 2)
    const { errors: _errors, ...counts } = summary
    console.log(
      `${label}: ${records.length} rows in ${seconds.toFixed(1)} s end to end = ${Math.round(records.length / seconds)} rows/s ` +
        `(import answered in ${answered.toFixed(1)} s = ${Math.round(records.length / answered)} rows/s, then the index) ` +
        `${JSON.stringify(counts)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
        `the importing process's CPU until the answer ${((user + system) / 1e6).toFixed(1)} s`
    )
    if (process.env.BENCH_CPU_PROF_DIR) console.log(`               the import's window in the CPU profile: ${from}–${to} µs`)
    if (redis) console.log(`               the worker's event queue was empty ${(await waitForEventQueue()).toFixed(1)} s later`)
  }
  await measure("first import ")
  await measure("re-import    ")
  if (memoryLog) clearInterval(memoryLog)
  const [, products] = await container.resolve(Modules.PRODUCT).listAndCountProducts({}, { take: 1 })
  console.log(`products in the database: ${products}`)
  redis?.disconnect()

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
