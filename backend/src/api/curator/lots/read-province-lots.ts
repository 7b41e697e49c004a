import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CuratorLotFilter, Presented, ProvinceLots } from "@ocop/contracts"
import { todayInVietnam } from "@ocop/domain"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { readLotSignals, scanWindowStart } from "../../../traceability/read-lot-signals"
import { readStaffLots } from "../../producer/lots/read-producer-lot"

type Knex = { raw: (sql: string, bindings: Record<string, unknown>) => Promise<{ rows: Record<string, any>[] }> }

// The product ↔ certificate link table (see api/curator/dashboard/read-dashboard.ts).
const PRODUCT_CERTIFICATION = "product_product_ocop_certification"

/**
 * The products whose current (not superseded) certificates are of the curator's provinces: the register's rule.
 * `among` narrows the answer to those products (one lot's product, when scoping a /curator/lots/:id request).
 */
export async function listProvinceProductIds(scope: MedusaContainer, provinceCodes: string[], among?: string[]): Promise<string[]> {
  if (!provinceCodes.length || (among && !among.length)) return []
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const { rows } = await knex.raw(
    `SELECT DISTINCT l.product_id FROM certification c
       JOIN ${PRODUCT_CERTIFICATION} l ON l.certification_id = c.id AND l.deleted_at IS NULL
      WHERE c.deleted_at IS NULL AND c.status <> 'superseded' AND c.province_code = ANY(:codes)
        ${among ? "AND l.product_id = ANY(:among)" : ""}`,
    among ? { codes: provinceCodes, among } : { codes: provinceCodes }
  )
  return rows.map((r) => r.product_id as string)
}

export type ProvinceLotsPage = { filter: CuratorLotFilter; limit: number; offset: number }

/**
 * One page of the province's lots (newest made first) with scans, scans in the last 30 days, flags and producer,
 * filtered to flagged or recalled ones if asked, and the dashboard's figures over all of them: the share of the
 * province's products with at least one live lot (not recalled, not withdrawn, not past its best-before date), and
 * flagged and recalled lots. Flags come from scans (lot_scan_day) and serial checks, so every lot's signals are read before filtering;
 * only the page's lots are read in full.
 */
export async function readProvinceLots(scope: MedusaContainer, provinceCodes: string[], page: ProvinceLotsPage) {
  const productIds = await listProvinceProductIds(scope, provinceCodes)
  const service: TraceabilityModuleService = scope.resolve(TRACEABILITY_MODULE)
  const all = productIds.length
    ? await service.listLots(
        { product_id: productIds },
        { select: ["id", "product_id", "status", "best_before", "scan_count", "quantity"], order: { made_on: "DESC", created_at: "DESC", id: "ASC" } }
      )
    : []
  const signals = await readLotSignals(scope, all)
  const flagged = (id: string) => (signals.get(id)?.flags.length ?? 0) > 0
  const matching = all.filter((l) => page.filter === "all" || (page.filter === "recalled" ? l.status === "recalled" : flagged(l.id)))
  const pageIds = matching.slice(page.offset, page.offset + page.limit).map((l) => l.id)
  const since = scanWindowStart()
  const [full, recentScans] = await Promise.all([
    pageIds.length ? service.listLots({ id: pageIds }, { relations: ["steps", "documents"] }) : [],
    service.countLotScansSincePerLot(pageIds, since),
  ])
  const order = new Map(pageIds.map((id, i) => [id, i]))
  const presented = await readStaffLots(
    scope,
    full.sort((x, y) => order.get(x.id)! - order.get(y.id)!)
  )
  const producerNames = await readProducerNames(scope, [...new Set(presented.map((l) => l.product_id))])

  const today = todayInVietnam()
  const live = all.filter((l) => l.status === "active" && (!l.best_before || new Date(l.best_before).toISOString().slice(0, 10) >= today))
  const withLiveLot = new Set(live.map((l) => l.product_id)).size
  return {
    lots: presented.map((lot) => ({ ...lot, producer_name: producerNames.get(lot.product_id) ?? null, scans_30_days: recentScans.get(lot.id) ?? 0 })),
    count: matching.length,
    limit: page.limit,
    offset: page.offset,
    filter: page.filter,
    scans_since: since,
    summary: {
      products: productIds.length,
      products_with_live_lot: withLiveLot,
      share_with_live_lot: productIds.length ? Math.round((withLiveLot / productIds.length) * 1000) / 1000 : 0,
      flagged_lots: all.filter((l) => flagged(l.id)).length,
      recalled_lots: all.filter((l) => l.status === "recalled").length,
    },
  } satisfies Presented<ProvinceLots>
}

/** The producer's name of each product (the product ↔ producer link). */
export async function readProducerNames(scope: MedusaContainer, productIds: string[]): Promise<Map<string, string>> {
  if (!productIds.length) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "producer.name"], filters: { id: productIds } })
  return new Map(data.filter((p: Record<string, any>) => p.producer?.name).map((p: Record<string, any>) => [p.id, p.producer.name as string]))
}
