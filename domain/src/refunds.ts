/**
 * What a buyer gets back when one producer's part of an order is cancelled, and who sends it (issue 15).
 */

/** A cancelled part gives back what the buyer paid for it: its lines and its own delivery fee, in whole đồng. */
export function computePartRefundAmount(part: { subtotal: number; shipping_fee: number }): number {
  return Math.round(Number(part.subtotal) + Number(part.shipping_fee))
}

/**
 * Stripe sends a refund back to the card by itself; VietQR transfers and VNPay (refund API not connected) are paid
 * back by the operator, and cash on delivery took nothing before delivery: those refunds stay the operator's to-do.
 */
export function isRefundSentByProvider(providerId: string | null | undefined): boolean {
  return typeof providerId === "string" && providerId.startsWith("pp_stripe_")
}
