import type { MedusaContainer } from "@medusajs/framework/types"
import { todayInVietnam } from "@ocop/domain"
import { readConfig } from "../lib/config"
import { TRACEABILITY_MODULE } from "../modules/traceability"
import type TraceabilityModuleService from "../modules/traceability/service"
import { flagLot } from "./lot-flags"

/** Each lot's most provinces in one day and its counterfeit flags, for the producer's and curators' lists. */
export async function readLotSignals(container: MedusaContainer, lots: { id: string; scan_count: number; quantity: number }[]) {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const ids = lots.map((l) => l.id)
  const [provinces, suspect] = await Promise.all([service.countLotProvincesPerDay(ids), service.countSuspectSerialChecks(ids)])
  const limits = readConfig().lots
  return new Map(
    lots.map((lot) => {
      const max = provinces.get(lot.id) ?? 0
      const flags = flagLot({ ...lot, max_provinces_per_day: max, suspect_serial_checks: suspect.get(lot.id) ?? 0 }, limits)
      return [lot.id, { max_provinces_per_day: max, flags }]
    })
  )
}

const SCAN_WINDOW_DAYS = 30

/** The first day (Vietnam time, YYYY-MM-DD) of the 30 days, today included, that "scans in 30 days" counts. */
export function scanWindowStart(today: string = todayInVietnam()): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - (SCAN_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10)
}
