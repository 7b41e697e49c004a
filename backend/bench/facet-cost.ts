import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Where a search's time goes on a kept benchmark catalogue (hits, exact count, each facet), straight against the
 * Search Module:
 *   DATABASE_URL=postgres://…/<db kept with BENCH_REUSE_DATABASE> npx medusa exec ./bench/facet-cost.ts
 * Prints medians of 5 runs per variant. Asserts nothing.
 */
export default async function facetCost({ container }: ExecArgs) {
  const search = container.resolve(Modules.SEARCH) as any
  const base = { status: "published" }
  const variants: [string, any][] = [
    ["hits only", { count: "none" }],
    ["hits + exact count", { count: "exact" }],
    ["+ 6 facets", { count: "exact", facets: ["stars", "province_code", "group_codes", "producer_type", "in_stock", "certification_status"] }],
    ["+ 6 facets + stats", { count: "exact", facets: ["stars", "province_code", "group_codes", "producer_type", "in_stock", "certification_status", { field: "price", type: "stats" }] }],
    ["3 facets", { count: "exact", facets: ["stars", "province_code", "group_codes"] }],
  ]
  for (const q of ["mat ong", undefined]) {
    for (const [label, options] of variants) {
      for (const take of [20, 60]) {
        const times: number[] = []
        for (let i = 0; i < 5; i++) {
          const start = performance.now()
          await search.search({ entity: "product", filters: { ...(q ? { q } : {}), ...base }, pagination: { skip: 0, take }, search_options: options })
          times.push(performance.now() - start)
        }
        times.sort((a, b) => a - b)
        console.log(`${q ?? "(browse)"} | ${label} | take ${take}: median ${times[2].toFixed(0)} ms`)
      }
    }
  }
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    await search.search({ entity: "product", filters: { q: "mat ong", ...base, stars: { $in: [4] } }, pagination: { skip: 0, take: 20 }, search_options: { count: "exact", disjunctive_facets: true, facets: ["stars", "province_code"] } })
    times.push(performance.now() - start)
  }
  console.log(`mat ong stars=4 disjunctive 2 facets: median ${times.sort((a, b) => a - b)[2].toFixed(0)} ms`)
}
