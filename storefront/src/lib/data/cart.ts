import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa"
import { cartShippingFees } from "@ocop/contracts"
import type { CartFees } from "../shipping-fees"
import { authHeaders, readCartId } from "./session"

const CART_FIELDS =
  "id,email,currency_code,total,subtotal,shipping_total,item_total,region_id," +
  "*items,items.product_handle,items.thumbnail,*shipping_address,*shipping_methods,*payment_collection.payment_sessions"

export type Cart = HttpTypes.StoreCart

/**
 * The query of a cart write whose answer the shop reads no further than ids: without it Medusa refetches the whole
 * cart (or order) with its totals after the write, CPU of the backend for an answer nobody reads.
 */
export const ID_ONLY = { fields: "id" }

/**
 * Lighter reads of the cart for the shop's actions and its header count: no totals, whose computation (prices, taxes,
 * promotions over every line) is most of a cart read's CPU in the backend.
 */
export const CART_ID_FIELDS = "id,completed_at"
export const CART_LINES_FIELDS = "id,completed_at,items.id,items.quantity"

/** The buyer's cart, or null when there is none (or it was completed or lost); `fields` narrows what is read. */
export async function retrieveCart(fields = CART_FIELDS): Promise<Cart | null> {
  const id = await readCartId()
  if (!id) return null
  try {
    const { cart } = await sdk.store.cart.retrieve(id, { fields }, await authHeaders())
    return cart.completed_at ? null : cart
  } catch {
    return null
  }
}

export async function countCartItems(): Promise<number> {
  const cart = await retrieveCart(CART_LINES_FIELDS)
  return (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0)
}

export async function listShippingOptions(cartId: string) {
  const headers = await authHeaders()
  const { shipping_options: listed } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId }, headers)
  // Medusa lists a calculated option (delivery per producer, priced by the backend's provider) without its amount.
  const shipping_options = await Promise.all(
    listed.map(async (o) =>
      o.price_type === "calculated" ? (await sdk.store.fulfillment.calculate(o.id, { cart_id: cartId }, {}, headers)).shipping_option : o
    )
  )
  // Medusa returns the options in no fixed order; the checkout preselects the first: delivery per producer (each
  // producer's own fee, issue 15 point 3), then the flat options, cheapest first.
  const rank = (o: { price_type?: string | null }) => (o.price_type === "calculated" ? 0 : 1)
  return [...shipping_options].sort((a, b) => rank(a) - rank(b) || Number(a.amount ?? 0) - Number(b.amount ?? 0))
}

/** Each producer's delivery fee for this cart (issue 15 point 3); null when the backend cannot say (shown as no rows). */
export async function retrieveShippingFees(cartId: string): Promise<CartFees | null> {
  try {
    const body = await sdk.client.fetch<unknown>(`/store/carts/${encodeURIComponent(cartId)}/shipping-fees`, { headers: await authHeaders() })
    return cartShippingFees.parse(body).shipping_fees
  } catch {
    return null
  }
}

let vndRegionId: string | undefined
/** The region carts are priced in: Việt Nam, VND. */
export async function getRegionId() {
  if (!vndRegionId) {
    const { regions } = await sdk.store.region.list({ fields: "id,currency_code" } as never)
    const region = regions.find((r) => r.currency_code === "vnd") ?? regions[0]
    if (!region) throw new Error("The backend has no region: run the backend's bootstrap (npm start does)")
    vndRegionId = region.id
  }
  return vndRegionId
}
