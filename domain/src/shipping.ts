/**
 * Delivery fee per producer (issue 15 point 3): each producer ships its own part of a cart, so each part carries
 * its own fee — the producer's flat fee, waived when the part's subtotal reaches the producer's free-shipping
 * threshold. A producer that has set neither uses the operator's defaults. One function for the shop (which shows
 * the fee per producer) and the backend's fulfilment provider (which charges it), so the two never disagree.
 * VND, whole đồng.
 */

export type ShippingTerms = {
  /** Flat fee per part, VND. */
  fee: number
  /** Part subtotal (VND) from which delivery is free; null = never free. */
  free_from: number | null
}

/** A producer's own settings; null fields fall back to the operator's defaults. */
export type ProducerShippingSettings = { shipping_fee?: number | null; free_shipping_from?: number | null } | null | undefined

/** The terms that apply to a producer: its own values where set, else the operator's. */
export function resolveShippingTerms(producer: ProducerShippingSettings, defaults: ShippingTerms): ShippingTerms {
  return {
    fee: producer?.shipping_fee ?? defaults.fee,
    free_from: producer?.free_shipping_from ?? defaults.free_from,
  }
}

/** The fee of one producer's part: free from the threshold on (inclusive), else the flat fee; an empty part costs nothing. */
export function computePartShippingFee(subtotal: number, terms: ShippingTerms): number {
  if (subtotal <= 0) return 0
  if (terms.free_from !== null && subtotal >= terms.free_from) return 0
  return Math.max(0, Math.round(terms.fee))
}

export type PartLine = { producer_id: string | null | undefined; subtotal: number }
export type PartFee = { producer_id: string; subtotal: number; fee: number; free_from: number | null }

/**
 * Groups lines by producer and prices each part's delivery. Lines without a producer (custom lines) ship with no
 * producer fee. `termsOf` answers each producer's terms (already resolved against the defaults).
 */
export function computeShippingFees(lines: readonly PartLine[], termsOf: (producerId: string) => ShippingTerms): { parts: PartFee[]; total: number } {
  const subtotals = new Map<string, number>()
  for (const line of lines) {
    if (!line.producer_id) continue
    subtotals.set(line.producer_id, (subtotals.get(line.producer_id) ?? 0) + line.subtotal)
  }
  const parts = [...subtotals].map(([producer_id, subtotal]) => {
    const terms = termsOf(producer_id)
    return { producer_id, subtotal, fee: computePartShippingFee(subtotal, terms), free_from: terms.free_from }
  })
  return { parts, total: parts.reduce((sum, p) => sum + p.fee, 0) }
}
