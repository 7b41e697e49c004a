import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa"
import { orderParts, type OrderPart } from "@ocop/contracts"
import { authHeaders } from "./session"

export type Customer = HttpTypes.StoreCustomer

/** The signed-in buyer, or null (no token, or an expired one). */
export async function retrieveCustomer(): Promise<Customer | null> {
  const headers = await authHeaders()
  if (!headers.authorization) return null
  try {
    const { customer } = await sdk.store.customer.retrieve({ fields: "*addresses" }, headers)
    return customer
  } catch {
    return null
  }
}

export async function listOrders() {
  const { orders } = await sdk.store.order.list(
    { fields: "id,display_id,created_at,total,currency_code,status,fulfillment_status,*items", order: "-created_at", limit: 50 } as never,
    await authHeaders()
  )
  return orders
}

export async function retrieveOrder(id: string) {
  try {
    const { order } = await sdk.store.order.retrieve(
      id,
      {
        fields:
          "id,display_id,email,status,payment_status,created_at,total,subtotal,shipping_total,currency_code," +
          "*items,*shipping_address,*shipping_methods,*payment_collections.payment_sessions",
      },
      await authHeaders()
    )
    return order
  } catch {
    return null
  }
}

/**
 * The order's parts, one per producer (issue 15). Empty while the backend is still splitting a just-placed order
 * (it does so right after the checkout) or when the call fails: the page then lists the lines without blocks.
 */
export async function listOrderParts(id: string): Promise<OrderPart[]> {
  try {
    const body = await sdk.client.fetch<unknown>(`/store/orders/${encodeURIComponent(id)}/parts`, { headers: await authHeaders() })
    return orderParts.parse(body).parts
  } catch {
    return []
  }
}
