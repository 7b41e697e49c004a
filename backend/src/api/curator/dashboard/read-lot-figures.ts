import type { MedusaContainer } from "@medusajs/framework/types"
import type { CuratorDashboard } from "@ocop/contracts"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { readLotSignals, scanWindowStart } from "../../../traceability/read-lot-signals"
import { listProvinceProductIds } from "../lots/read-province-lots"

/**
 * The dashboard's traceability tile over the lots of the province's products (the register's rule, as GET
 * /curator/lots): lots recorded (withdrawn codes not counted), scans over the last 30 days (Vietnam time, today
 * included), lots with an open scan flag (flagged and not recalled: a recall closes the question) and recalled lots.
 */
export async function readLotFigures(scope: MedusaContainer, provinceCodes: string[]) {
  const since = scanWindowStart()
  const productIds = await listProvinceProductIds(scope, provinceCodes)
  const service: TraceabilityModuleService = scope.resolve(TRACEABILITY_MODULE)
  const lots = productIds.length
    ? await service.listLots({ product_id: productIds }, { select: ["id", "status", "scan_count", "quantity"], take: 10_000 })
    : []
  const [signals, scans] = await Promise.all([
    readLotSignals(scope, lots),
    service.countLotScansSince(
      lots.map((l) => l.id),
      since
    ),
  ])
  return {
    scans_since: since,
    recorded: lots.length,
    scans_30_days: scans,
    open_flags: lots.filter((l) => l.status !== "recalled" && (signals.get(l.id)?.flags.length ?? 0) > 0).length,
    recalled: lots.filter((l) => l.status === "recalled").length,
  } satisfies CuratorDashboard["lots"]
}
