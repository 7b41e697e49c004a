/**
 * A producer's payout ledger (issue 15). Only delivered parts earn: the producer is owed each one's subtotal minus
 * the operator's commission. A canceled part never earned anything, so its refund (money the operator returns to
 * the buyer) is shown beside the ledger and does not lower the balance. VND: every amount is whole đồng, the
 * commission rounded to the nearest đồng per part so the rows add up to the totals.
 */
export type LedgerPart = {
  id: string
  order_id: string
  status: string
  subtotal: number
  delivered_at: Date | string | null
}

export type LedgerRefund = { shipment_id: string; amount: number; status: string }

export type PayoutLedger = {
  commission_percent: number
  entries: { part_id: string; order_id: string; delivered_at: string; subtotal: number; commission: number; net: number }[]
  totals: { delivered: number; commission: number; net: number; refunds: number; refunds_pending: number; balance: number }
}

export function computePayoutLedger(parts: LedgerPart[], refunds: LedgerRefund[], commissionPercent: number): PayoutLedger {
  const entries = parts
    .filter((p) => p.status === "delivered")
    .map((p) => {
      const commission = Math.round((p.subtotal * commissionPercent) / 100)
      return {
        part_id: p.id,
        order_id: p.order_id,
        delivered_at: new Date(p.delivered_at ?? 0).toISOString(),
        subtotal: p.subtotal,
        commission,
        net: p.subtotal - commission,
      }
    })
    .sort((x, y) => x.delivered_at.localeCompare(y.delivered_at))
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0)
  const delivered = sum(entries.map((e) => e.subtotal))
  const commission = sum(entries.map((e) => e.commission))
  return {
    commission_percent: commissionPercent,
    entries,
    totals: {
      delivered,
      commission,
      net: delivered - commission,
      refunds: sum(refunds.map((r) => r.amount)),
      refunds_pending: sum(refunds.filter((r) => r.status === "pending").map((r) => r.amount)),
      balance: delivered - commission,
    },
  }
}
