import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { presentStaffLot } from "../../../traceability/present-lot"
import { readLotSignals } from "../../../traceability/read-lot-signals"

/** Lots with their steps, documents, product titles, scan signals and flags, as staff see them. */
export async function readStaffLots(container: MedusaContainer, lots: Record<string, any>[]) {
  if (!lots.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title"],
    filters: { id: [...new Set(lots.map((l) => l.product_id))] },
  })
  const titles = new Map(products.map((p: Record<string, any>) => [p.id, p]))
  const signals = await readLotSignals(container, lots as { id: string; scan_count: number; quantity: number }[])
  return lots.map((lot) => presentStaffLot(lot, { ...signals.get(lot.id)!, product: titles.get(lot.product_id) }))
}

export async function readStaffLot(container: MedusaContainer, id: string) {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const lot = await service.retrieveLot(id, { relations: ["steps", "documents"] })
  const [presented] = await readStaffLots(container, [lot])
  return presented
}
