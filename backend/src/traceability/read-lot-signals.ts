import type { MedusaContainer } from "@medusajs/framework/types"
import { readConfig } from "../lib/config"
import { TRACEABILITY_MODULE } from "../modules/traceability"
import type TraceabilityModuleService from "../modules/traceability/service"
import { flagLot } from "./lot-flags"

/** Each lot's most provinces in one day and its counterfeit flags, for the producer's and curators' lists. */
export async function readLotSignals(container: MedusaContainer, lots: { id: string; scan_count: number; quantity: number }[]) {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const provinces = await service.countLotProvincesPerDay(lots.map((l) => l.id))
  const limits = readConfig().lots
  return new Map(
    lots.map((lot) => {
      const max = provinces.get(lot.id) ?? 0
      return [lot.id, { max_provinces_per_day: max, flags: flagLot({ ...lot, max_provinces_per_day: max }, limits) }]
    })
  )
}
