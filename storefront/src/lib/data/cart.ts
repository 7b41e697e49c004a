import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa"
import { authHeaders, readCartId } from "./session"

const CART_FIELDS =
  "id,email,currency_code,total,subtotal,shipping_total,item_total,region_id," +
  "*items,items.product_handle,items.thumbnail,*shipping_address,*shipping_methods,*payment_collection.payment_sessions"

export type Cart = HttpTypes.StoreCart

/** The buyer's cart, or null when there is none (or it was completed or lost). */
export async function retrieveCart(): Promise<Cart | null> {
  const id = await readCartId()
  if (!id) return null
  try {
    const { cart } = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS }, await authHeaders())
    return cart.completed_at ? null : cart
  } catch {
    return null
  }
}

export async function countCartItems(): Promise<number> {
  const cart = await retrieveCart()
  return (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0)
}

export async function listShippingOptions(cartId: string) {
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId }, await authHeaders())
  // Medusa returns the options in no fixed order; the checkout preselects the first, so the cheapest comes first.
  return [...shipping_options].sort((a, b) => Number(a.amount ?? 0) - Number(b.amount ?? 0))
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

