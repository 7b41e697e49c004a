import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Presented, ProvinceLots } from "@ocop/contracts"
import { todayInVietnam } from "../../../modules/ocop/dates"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { readStaffLots } from "../../producer/lots/read-producer-lot"

type Knex = { raw: (sql: string, bindings: Record<string, unknown>) => Promise<{ rows: Record<string, any>[] }> }

// The product ↔ certificate link table (see api/curator/dashboard/read-dashboard.ts).
const PRODUCT_CERTIFICATION = "product_product_ocop_certification"

/** The products whose current (not superseded) certificates are of the curator's provinces: the register's rule. */
export async function listProvinceProductIds(scope: MedusaContainer, provinceCodes: string[]): Promise<string[]> {
  if (!provinceCodes.length) return []
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const { rows } = await knex.raw(
    `SELECT DISTINCT l.product_id FROM certification c
       JOIN ${PRODUCT_CERTIFICATION} l ON l.certification_id = c.id AND l.deleted_at IS NULL
      WHERE c.deleted_at IS NULL AND c.status <> 'superseded' AND c.province_code = ANY(:codes)`,
    { codes: provinceCodes }
  )
  return rows.map((r) => r.product_id as string)
}

/**
 * The province's lots with scans and flags, and the dashboard's figures: the share of the province's products with
 * at least one live lot (not recalled, not withdrawn, not past its best-before date), and flagged and recalled lots.
 */
export async function readProvinceLots(scope: MedusaContainer, provinceCodes: string[]) {
  const productIds = await listProvinceProductIds(scope, provinceCodes)
  const service: TraceabilityModuleService = scope.resolve(TRACEABILITY_MODULE)
  const lots = productIds.length
    ? await service.listLots({ product_id: productIds }, { order: { made_on: "DESC", created_at: "DESC" }, take: 1000 })
    : []
  const presented = await readStaffLots(scope, lots)
  const today = todayInVietnam()
  const live = presented.filter((l) => l.status === "active" && (!l.best_before || l.best_before >= today))
  const withLiveLot = new Set(live.map((l) => l.product_id)).size
  return {
    lots: presented,
    summary: {
      products: productIds.length,
      products_with_live_lot: withLiveLot,
      share_with_live_lot: productIds.length ? Math.round((withLiveLot / productIds.length) * 1000) / 1000 : 0,
      flagged_lots: presented.filter((l) => l.flags.length > 0).length,
      recalled_lots: presented.filter((l) => l.status === "recalled").length,
    },
  } satisfies Presented<ProvinceLots>
}
