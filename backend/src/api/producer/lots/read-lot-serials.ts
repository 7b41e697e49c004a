import type { MedusaContainer } from "@medusajs/framework/types"
import type { LotSerialBatch, Presented, ProducerLotSerials } from "@ocop/contracts"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"

export const presentSerialBatch = (b: { id: string; count: number; request_key: string; created_at: Date | string }) =>
  ({
    id: b.id,
    count: Number(b.count),
    request_key: b.request_key,
    created_at: new Date(b.created_at).toISOString(),
  }) satisfies Presented<LotSerialBatch>

/** A lot's serials as its producer sees them: the figures and every batch (newest first), one label sheet each. */
export async function readLotSerials(container: MedusaContainer, lot: { id: string; quantity: number }) {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const [summary, batches] = await Promise.all([
    service.summariseLotSerials(lot),
    service.listLotSerialBatches({ lot_id: lot.id }, { order: { created_at: "DESC" }, take: 500 }),
  ])
  return { summary, batches: batches.map(presentSerialBatch) } satisfies Presented<ProducerLotSerials>
}
