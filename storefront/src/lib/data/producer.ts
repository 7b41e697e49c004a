import "server-only"
import { z } from "zod"
import { payoutLedgerAnswer, producerDashboard, producerMe, producerOrderList, producerProduct, producerShipping } from "@ocop/contracts"
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

/** The producer's own delivery fee and free-shipping threshold (null = the operator's default, also answered). */
export async function readShipping() {
  return producerShipping.parse(await producerFetch("/producer/shipping")).shipping
}

export async function readDashboard() {
  return producerDashboard.parse(await producerFetch("/producer/dashboard"))
}

/** The signed-in producer's payout ledger (GET /producer/payouts). */
export async function retrievePayoutLedger() {
  return payoutLedgerAnswer.parse(await producerFetch("/producer/payouts")).ledger
}

export async function listProducerOrders() {
  return producerOrderList.parse(await producerFetch("/producer/orders", { query: { limit: 50 } })).orders
}
