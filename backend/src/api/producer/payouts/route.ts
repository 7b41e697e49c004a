import type { MedusaResponse } from "@medusajs/framework/http"
import type { PayoutLedgerAnswer } from "@ocop/contracts"
import { readConfig } from "../../../lib/config"
import { computePayoutLedger } from "../../../lib/payouts"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { ProducerRequest } from "../scope"

/** GET /producer/payouts — the signed-in producer's ledger: delivered parts, commission, refunds, balance. */
export const GET = async (req: ProducerRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const producerId = req.membership.producer_id
  const parts = await producers.listProducerShipments({ producer_id: producerId })
  const refunds = await producers.listProducerRefunds({ producer_id: producerId })
  const ledger = computePayoutLedger(
    parts.map((p) => ({ ...p, subtotal: Number(p.subtotal), shipping_fee: Number(p.shipping_fee) })),
    refunds.map((r) => ({ ...r, amount: Number(r.amount) })),
    readConfig().commissionPercent
  )
  res.json({ ledger } satisfies PayoutLedgerAnswer)
}
