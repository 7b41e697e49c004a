import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { TRACEABILITY_MODULE } from "../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../modules/traceability/service"

/** A live (not withdrawn) lot by its public code, with steps and documents; 404 otherwise. */
export async function findPublicLot(container: MedusaContainer, code: string) {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const [lot] = await service.listLots({ public_code: code }, { relations: ["steps", "documents"], take: 1 })
  if (!lot) throw new MedusaError(MedusaError.Types.NOT_FOUND, "code: không tìm thấy lô / no lot has this code")
  return lot
}
