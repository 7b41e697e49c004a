import type { CartShippingFees } from "@ocop/contracts"

/** Each producer's part of a cart with its delivery fee, and their total (GET /store/carts/:id/shipping-fees; VND). */
export type CartFees = CartShippingFees["shipping_fees"]

export type ShippingFeeRow = { producer_id: string; name: string | null; fee: number; free: boolean; moreForFree: number | null }

/**
 * The rows the cart and checkout show, one per producer: its fee (computed by the backend with the same rule the
 * delivery option charges, @ocop/domain), whether it ships free, and how much more from that producer would make
 * it free (only when a threshold exists and is not reached yet).
 */
export function toShippingFeeRows(fees: CartFees): ShippingFeeRow[] {
  return fees.parts.map((p) => ({
    producer_id: p.producer_id,
    name: p.producer_name,
    fee: p.fee,
    free: p.fee === 0,
    moreForFree: p.fee > 0 && p.free_from !== null && p.free_from > p.subtotal ? p.free_from - p.subtotal : null,
  }))
}
