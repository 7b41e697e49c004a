import "server-only"
import { z } from "zod"
import { producerDashboard, producerMe, producerOrder, producerProduct } from "@ocop/contracts"
import { sdk } from "../medusa"
import { readProducerToken } from "./session"

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
  return producerMe.parse(await producerFetch("/producer/me"))
}

export async function listProducerProducts() {
  const data = await producerFetch<{ products: unknown }>("/producer/products", { query: { limit: 100 } })
  return z.array(producerProduct).parse(data.products)
}

export async function readProducerProduct(id: string) {
  const data = await producerFetch<{ product: unknown }>(`/producer/products/${encodeURIComponent(id)}`)
  return producerProduct.parse(data.product)
}

const producerShipping = z.object({
  shipping: z.object({
    shipping_fee: z.number().nullable(),
    free_shipping_from: z.number().nullable(),
    defaults: z.object({ fee: z.number(), free_from: z.number().nullable() }),
  }),
})

/** The producer's own delivery fee and free-shipping threshold (null = the operator's default, also answered). */
export async function readShipping() {
  return producerShipping.parse(await producerFetch("/producer/shipping")).shipping
}

export async function readDashboard() {
  return producerDashboard.parse(await producerFetch("/producer/dashboard"))
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
