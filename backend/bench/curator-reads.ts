import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { provinces } from "@ocop/domain/places"
import { readDashboard } from "../src/api/curator/dashboard/read-dashboard"
import { listRegister } from "../src/api/curator/certificates/read-certificates"

/**
 * `medusa exec bench/curator-reads.ts` on a catalogue the search benchmark left (BENCH_KEEP_DATABASE=1): times the
 * curator's dashboard and register reads for the national office (34 provinces) and for the largest province.
 */
export default async function benchCuratorReads({ container }: ExecArgs) {
  const all = provinces.map((p) => p.code)
  const knex = container.resolve("__pg_connection__") as any
  const { rows } = await knex.raw(
    "SELECT province_code, count(*) AS n FROM certification WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
  )
  const largest = [rows[0].province_code as string]
  const time = async (label: string, run: () => Promise<unknown>) => {
    await run()
    const times: number[] = []
    for (let i = 0; i < 20; i++) {
      const start = performance.now()
      await run()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    console.log(`${label}: median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms (20 runs)`)
  }
  const page = { sort: "-decision_date" as const, limit: 20, offset: 0 }
  const [{ count }] = (await knex.raw("SELECT count(*) FROM certification")).rows
  console.log(`certificates: ${count}; largest province ${largest[0]}: ${rows[0].n}`)
  await time("dashboard, national (34 provinces)", () => readDashboard(container, all))
  await time(`dashboard, province ${largest[0]}`, () => readDashboard(container, largest))
  await time("register page 1, national", () => listRegister(container, all, page))
  await time(`register page 1, province ${largest[0]}`, () => listRegister(container, largest, page))
  await time(`register, province ${largest[0]}, status=expired`, () => listRegister(container, largest, { ...page, status: "expired" }))
  await time(`register, province ${largest[0]}, q=mat ong`, () => listRegister(container, largest, { ...page, q: "mật ong" }))
}
