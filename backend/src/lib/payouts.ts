import type { PayoutLedger } from "@ocop/contracts"

/**
 * A producer's payout ledger (issue 15). Only delivered parts earn: the producer is owed each one's subtotal minus
 * the operator's commission. A canceled part never earned anything, so its refund (money the operator returns to
 * the buyer) is shown beside the ledger and does not lower the balance. VND: every amount is whole đồng, the
 * commission rounded to the nearest đồng per part so the rows add up to the totals. The delivery fee a part was
 * charged (issue 15 point 3) is the producer's: the producer ships the part and pays the carrier, so the fee is
 * added to what it is owed, with no commission on it.
 */
export type LedgerPart = {
  id: string
  order_id: string
  status: string
  subtotal: number
  shipping_fee?: number
  delivered_at: Date | string | null
}

export type LedgerRefund = { shipment_id: string; amount: number; status: string }

export function computePayoutLedger(parts: LedgerPart[], refunds: LedgerRefund[], commissionPercent: number): PayoutLedger {
  const entries = parts
    .filter((p) => p.status === "delivered")
    .map((p) => {
      const commission = Math.round((p.subtotal * commissionPercent) / 100)
      const shippingFee = p.shipping_fee ?? 0
      return {
        part_id: p.id,
        order_id: p.order_id,
        delivered_at: new Date(p.delivered_at ?? 0).toISOString(),
        subtotal: p.subtotal,
        shipping_fee: shippingFee,
        commission,
        net: p.subtotal - commission + shippingFee,
      }
    })
    .sort((x, y) => x.delivered_at.localeCompare(y.delivered_at))
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0)
  const delivered = sum(entries.map((e) => e.subtotal))
  const shipping = sum(entries.map((e) => e.shipping_fee))
  const commission = sum(entries.map((e) => e.commission))
  return {
    commission_percent: commissionPercent,
    entries,
    totals: {
      delivered,
      shipping,
      commission,
      net: delivered - commission + shipping,
      refunds: sum(refunds.map((r) => r.amount)),
      refunds_pending: sum(refunds.filter((r) => r.status === "pending").map((r) => r.amount)),
      balance: delivered - commission + shipping,
    },
  }
}
