import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OcopEvents } from "@ocop/domain"

/**
 * The index phase of a first import, replayed alone on the catalogue a `BENCH_KEEP_DATABASE=1 npm run bench:import`
 * left behind: the product index is emptied, then every product's document is built again through the Search
 * Module's ingestion of `ocop.catalog.imported`, 500 products an event, as the import's events do. About 15 s a run
 * instead of the whole import's 1–2 minutes, so a change to the read or the write can be tried several times in turn.
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/<kept database> JWT_SECRET=… COOKIE_SECRET=… \
 *     OCOP_REVALIDATE_SECRET=… OCOP_FORWARDING_SECRET=… npx medusa exec ./bench/replay-index-phase.ts
 *
 * REPLAY_IN_FLIGHT (default 1) events are ingested at once: 1 as a worker of the Redis event bus delivers them, 40
 * as one process's in-memory bus does. Prints the seconds. Asserts nothing.
 */
export default async function replayIndexPhase({ container }: ExecArgs) {
  const inFlight = Number(process.env.REPLAY_IN_FLIGHT ?? 1)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const search = container.resolve(Modules.SEARCH) as any
  const { physical_name } = await search.resolveActiveDefinition_("product")
  const {
    rows: [{ table_name }],
  } = await pg.raw(`SELECT "table_name" FROM "search_postgres_index" WHERE "name" = ?`, [physical_name])
  // The facet table follows the document table through its TRUNCATE trigger.
  await pg.raw(`TRUNCATE "${table_name}"`)
  await pg.raw(`UPDATE "search_postgres_index" SET "document_count" = 0 WHERE "name" = ?`, [physical_name])
  const { rows } = await pg.raw(`SELECT "id" FROM "product" WHERE "deleted_at" IS NULL ORDER BY "id"`)
  const chunks: string[][] = []
  for (let start = 0; start < rows.length; start += 500) chunks.push(rows.slice(start, start + 500).map((row: { id: string }) => row.id))
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < chunks.length) {
        const product_ids = chunks[next++]
        await search.ingest({ name: OcopEvents.CATALOG_IMPORTED, data: { product_ids } })
      }
    })
  )
  console.log(
    `index phase replayed: ${rows.length} products in ${chunks.length} events, ${inFlight} at a time: ${((performance.now() - started) / 1000).toFixed(1)} s`
  )
}
