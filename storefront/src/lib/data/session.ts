import "server-only"
import { cookies } from "next/headers"
import { secureCookies } from "../env"

// httpOnly: scripts on the page never see the buyer's token or cart id.
const CART_COOKIE = "ocop_cart"
const TOKEN_COOKIE = "ocop_token"
const PRODUCER_TOKEN_COOKIE = "ocop_producer_token"
const options = { httpOnly: true, sameSite: "lax" as const, secure: secureCookies, path: "/" }

export async function readCartId() {
  return (await cookies()).get(CART_COOKIE)?.value
}

export async function saveCartId(id: string) {
  ;(await cookies()).set(CART_COOKIE, id, { ...options, maxAge: 60 * 60 * 24 * 30 })
}

export async function forgetCartId() {
  ;(await cookies()).delete(CART_COOKIE)
}

export async function readToken() {
  return (await cookies()).get(TOKEN_COOKIE)?.value
}

export async function saveToken(token: string) {
  ;(await cookies()).set(TOKEN_COOKIE, token, { ...options, maxAge: 60 * 60 * 24 * 7 })
}

export async function forgetToken() {
  ;(await cookies()).delete(TOKEN_COOKIE)
}

/** Headers of a signed-in buyer, or none. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await readToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** A producer's portal session: a different actor from the buyer, so a different cookie. */
export async function readProducerToken() {
  return (await cookies()).get(PRODUCER_TOKEN_COOKIE)?.value
}

export async function saveProducerToken(token: string) {
  ;(await cookies()).set(PRODUCER_TOKEN_COOKIE, token, { ...options, maxAge: 60 * 60 * 12 })
}

export async function forgetProducerToken() {
  ;(await cookies()).delete(PRODUCER_TOKEN_COOKIE)
}

/** A provincial curator's console session: its own actor, its own cookie, shorter-lived than a buyer's. */
const CURATOR_TOKEN_COOKIE = "ocop_curator_token"

export async function readCuratorToken() {
  return (await cookies()).get(CURATOR_TOKEN_COOKIE)?.value
}

export async function saveCuratorToken(token: string) {
  ;(await cookies()).set(CURATOR_TOKEN_COOKIE, token, { ...options, maxAge: 60 * 60 * 8 })
}

export async function forgetCuratorToken() {
  ;(await cookies()).delete(CURATOR_TOKEN_COOKIE)
}
