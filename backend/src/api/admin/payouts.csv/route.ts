import { csvCell } from "@ocop/seed"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readConfig } from "../../../lib/config"
import { computePayoutLedger } from "../../../lib/payouts"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"

const HEADER = ["producer_id", "producer_name", "delivered_vnd", "commission_percent", "commission_vnd", "refunds_vnd", "refunds_pending_vnd", "balance_vnd"]

/** GET /admin/payouts.csv — every producer with an order part: what it is owed (the operator pays it out). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const parts = await producers.listProducerShipments({})
  const refunds = await producers.listProducerRefunds({})
  const ids = [...new Set(parts.map((p) => p.producer_id))]
  const named = ids.length ? await producers.listProducers({ id: ids }, { select: ["id", "name"] }) : []
  const nameOf = new Map(named.map((p: any) => [p.id, p.name as string]))
  const percent = readConfig().commissionPercent
  const rows = ids
    .map((id) => {
      const { totals } = computePayoutLedger(
        parts.filter((p) => p.producer_id === id).map((p) => ({ ...p, subtotal: Number(p.subtotal), shipping_fee: Number(p.shipping_fee) })),
        refunds.filter((r) => r.producer_id === id).map((r) => ({ ...r, amount: Number(r.amount) })),
        percent
      )
      return [id, nameOf.get(id) ?? "", totals.delivered, percent, totals.commission, totals.refunds, totals.refunds_pending, totals.balance]
    })
    .sort((x, y) => String(x[1]).localeCompare(String(y[1]), "vi"))
  // Cells go through csvCell (quotes, and a name starting with = + - @ cannot run as a formula); a byte-order mark, so spreadsheet programs read the Vietnamese names as UTF-8.
  const body = "\uFEFF" + [HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n"
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", 'attachment; filename="payouts.csv"')
  res.send(body)
}
