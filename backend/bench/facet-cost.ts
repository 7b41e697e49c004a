import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import medusaPostgresProvider from "@medusajs/search-postgres"

// Medusa's own PostgreSQL provider, through its public entry (the module provider it registers).
const [MedusaPostgresSearch] = (medusaPostgresProvider as unknown as { services: any[] }).services

/**
 * Where a search's time goes on a kept benchmark catalogue (hits, exact count, each facet), for Medusa's stock
 * PostgreSQL provider and ours (search/src/postgres) side by side, both reading our index table (one layout), in one run:
 *   DATABASE_URL=postgres://…/<db kept with BENCH_REUSE_DATABASE> npx medusa exec ./bench/facet-cost.ts
 * Prints medians of 7 runs per variant, interleaved so machine load hits both alike. Asserts nothing.
 */
export default async function facetCost({ container }: ExecArgs) {
  const searchModule = container.resolve(Modules.SEARCH) as any
  const index = await searchModule.resolveActiveDefinition_("product")
  const provider = searchModule.searchProviderService_.retrieve(index.provider)
  const stock = new MedusaPostgresSearch({ manager: provider.manager_, logger: console }, { language: "simple" })
  const engines: [string, (input: any) => Promise<unknown>][] = [
    ["stock", (input) => stock.search(input)],
    ["ours ", (input) => provider.search(input)],
  ]
  const facets = ["stars", "province_code", "group_codes", "producer_type", "in_stock", "certification_status"]
  const variants: [string, any][] = [
    ["hits only", { count: "none" }],
    ["hits + exact count", { count: "exact" }],
    ["+ 6 facets", { count: "exact", facets }],
    ["+ 6 facets + stats", { count: "exact", facets: [...facets, { field: "price", type: "stats" }] }],
  ]
  const measure = async (label: string, input: any) => {
    const times = new Map<string, number[]>(engines.map(([name]) => [name, []]))
    for (let i = 0; i < 7; i++) {
      for (const [name, run] of engines) {
        const start = performance.now()
        await run(input)
        times.get(name)!.push(performance.now() - start)
      }
    }
    const medians = engines.map(
      ([name]) =>
        `${name} ${times
          .get(name)!
          .sort((a, b) => a - b)[3]
          .toFixed(1)} ms`
    )
    console.log(`${label}: ${medians.join(" | ")}`)
  }
  const base = { status: "published" }
  const attributes_to_retrieve = Object.entries(index.fields as Record<string, any>)
    .filter(([, field]) => field.retrievable !== false)
    .map(([path]) => path)
  for (const q of ["mat ong", "che", undefined]) {
    for (const [label, options] of variants) {
      await measure(`${q ?? "(browse)"} | ${label} | take 60`, {
        index,
        attributes_to_retrieve,
        q,
        filters: base,
        pagination: { skip: 0, take: 60, order: q ? undefined : { created_at: "DESC" } },
        search_options: options,
      })
    }
  }
}
