import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa"
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
