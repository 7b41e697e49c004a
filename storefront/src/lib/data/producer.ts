import "server-only"
import { z } from "zod"
import { sdk } from "../medusa"
import { readProducerToken } from "./session"

// The producer API's shapes the portal relies on (backend/src/api/producer).
export const producerProduct = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  thumbnail: z.string().nullable(),
  images: z.array(z.object({ id: z.string(), url: z.string() })),
  variants: z.array(z.object({ id: z.string(), title: z.string(), price_vnd: z.number().nullable(), stock: z.number().nullable() })),
  certification: z
    .object({ id: z.string(), stars: z.number(), status: z.string(), valid_until: z.string().nullable(), decision_number: z.string().nullable() })
    .nullable(),
})

const me = z.object({
  member: z.object({ id: z.string(), name: z.string().nullable().optional(), email: z.string().nullable().optional() }).passthrough(),
  producer: z.object({ id: z.string(), name: z.string(), handle: z.string() }).passthrough().nullable(),
  claims: z.array(z.object({ id: z.string(), producer_id: z.string(), status: z.string() })).default([]),
})

const dashboard = z.object({
  sales_last_30_days: z.object({ orders: z.number(), units: z.number(), revenue_vnd: z.number() }),
  low_stock: z.array(z.object({ product_id: z.string(), product_title: z.string(), variant_title: z.string(), available: z.number() })),
  certificate_reminders: z.array(
    z.object({ product_id: z.string(), product_title: z.string(), valid_until: z.string(), days_left: z.number(), reminder: z.number() })
  ),
})

const producerOrder = z.object({
  id: z.string(),
  display_id: z.number().nullable(),
  created_at: z.string(),
  subtotal: z.number(),
  items: z.array(z.object({ id: z.string(), title: z.string().nullable().optional(), product_title: z.string().nullable().optional(), variant_title: z.string().nullable().optional(), quantity: z.number() }).passthrough()),
  shipment: z.object({ status: z.string(), carrier: z.string().nullable(), tracking_number: z.string().nullable() }).passthrough().nullable(),
})

export type ProducerProduct = z.infer<typeof producerProduct>
export type ProducerOrder = z.infer<typeof producerOrder>

export class NotSignedIn extends Error {}

async function producerHeaders() {
  const token = await readProducerToken()
  if (!token) throw new NotSignedIn()
  return { authorization: `Bearer ${token}` }
}

/** Every portal read goes through here: an expired session becomes NotSignedIn, which sends to the login page. */
export async function producerFetch<T>(path: string, init: Parameters<typeof sdk.client.fetch>[1] = {}): Promise<T> {
  try {
    return await sdk.client.fetch<T>(path, { ...init, cache: "no-store", headers: { ...(init.headers ?? {}), ...(await producerHeaders()) } })
  } catch (error) {
    if ((error as { status?: number }).status === 401) throw new NotSignedIn()
    throw error
  }
}

export async function readMe() {
  return me.parse(await producerFetch("/producer/me"))
}

export async function listProducerProducts() {
  const data = await producerFetch<{ products: unknown }>("/producer/products", { query: { limit: 100 } })
  return z.array(producerProduct).parse(data.products)
}

export async function readProducerProduct(id: string) {
  const data = await producerFetch<{ product: unknown }>(`/producer/products/${encodeURIComponent(id)}`)
  return producerProduct.parse(data.product)
}

export async function readDashboard() {
  return dashboard.parse(await producerFetch("/producer/dashboard"))
}

const payoutLedger = z.object({
  commission_percent: z.number(),
  entries: z.array(z.object({ part_id: z.string(), order_id: z.string(), delivered_at: z.string(), subtotal: z.number(), commission: z.number(), net: z.number() })),
  totals: z.object({ delivered: z.number(), commission: z.number(), net: z.number(), refunds: z.number(), refunds_pending: z.number(), balance: z.number() }),
})

/** The signed-in producer's payout ledger (GET /producer/payouts). */
export async function retrievePayoutLedger() {
  const data = await producerFetch<{ ledger: unknown }>("/producer/payouts")
  return payoutLedger.parse(data.ledger)
}

export async function listProducerOrders() {
  const data = await producerFetch<{ orders: unknown }>("/producer/orders", { query: { limit: 50 } })
  return z.array(producerOrder).parse(data.orders)
}
