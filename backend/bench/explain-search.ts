import { readFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import pg from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { searchProducts } from "../src/modules/ocop-search/product-query"

/**
 * Where an uncached search's time goes, on a catalogue the search benchmark kept (BENCH_KEEP_DATABASE=1):
 *   DATABASE_URL=postgres://…/<kept catalogue> npx medusa exec ./bench/explain-search.ts
 * For a few of the benchmark's requests it captures the one statement the provider sends, prints
 * EXPLAIN (ANALYZE, BUFFERS) of it (OCOP_EXPLAIN=full for the whole plan, otherwise its top lines), and the
 * median time of the whole request in this process against the statement alone, and the CPU time the PostgreSQL
 * server process spends on the statement (read from /proc, so the database must run on this machine): on a shared
 * machine wall times wander with the load, CPU time much less, so two versions compare by it. Asserts nothing.
 */
export default async function explainSearch({ container }: ExecArgs) {
  const searchModule = container.resolve(Modules.SEARCH) as any
  const index = await searchModule.resolveActiveDefinition_("product")
  const provider = searchModule.searchProviderService_.retrieve(index.provider)
  const channels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { select: ["id"] })
  const salesChannelIds = channels.map((c) => c.id)
  const manager = provider.manager_
  const execute = manager.execute.bind(manager)
  let captured: { sql: string; params: unknown[] }[] = []
  manager.execute = (sql: string, params?: unknown[]) => {
    if (/^\s*WITH m AS/.test(sql)) captured.push({ sql, params: params ?? [] })
    return execute(sql, params)
  }
  const requests: [string, Record<string, unknown>][] = [
    ["che", { q: "che" }],
    ["mat ong", { q: "mat ong" }],
    ["che, 4 stars", { q: "che", stars: [4] }],
    ["(browse)", {}],
    ["(browse), 4 stars", { stars: [4] }],
  ]
  const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
  // A connection of its own, whose server process's CPU time /proc tells (utime + stime, in clock ticks of 10 ms).
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  const [{ pid }] = (await db.query("SELECT pg_backend_pid() AS pid")).rows
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  const runs = Number(process.env.OCOP_EXPLAIN_RUNS ?? 40)
  for (const [label, params] of requests) {
    const input = { sort: "relevance", offset: 0, limit: 20, ...params } as any
    captured = []
    const answer = await searchProducts(searchModule, async () => ({ words: [] }) as any, input, salesChannelIds)
    const { sql, params: bound } = captured[0]
    const plan = (await execute(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, bound)) as { "QUERY PLAN": string }[]
    const lines = plan.map((row) => row["QUERY PLAN"])
    const whole: number[] = []
    const statement: number[] = []
    for (let i = 0; i < 9; i++) {
      let start = performance.now()
      await searchProducts(searchModule, async () => ({ words: [] }) as any, input, salesChannelIds)
      whole.push(performance.now() - start)
      start = performance.now()
      await execute(sql, bound)
      statement.push(performance.now() - start)
    }
    let n = 0
    const text = sql.replace(/\?/g, () => `$${++n}`)
    await db.query(text, bound)
    const cpuBefore = cpuMs()
    for (let i = 0; i < runs; i++) await db.query(text, bound)
    const cpu = (cpuMs() - cpuBefore) / runs
    console.log(
      `\n## ${label}: ${answer.count} matches; whole search ${median(whole).toFixed(1)} ms, its statement alone ${median(statement).toFixed(1)} ms (medians of 9); PostgreSQL CPU ${cpu.toFixed(2)} ms a statement (${runs} runs)`
    )
    console.log(
      process.env.OCOP_EXPLAIN === "full" ? lines.join("\n") : lines.filter((l) => /Scan|Aggregate|CTE|Execution|Planning|Sort /.test(l)).join("\n")
    )
  }
  await db.end()
}
