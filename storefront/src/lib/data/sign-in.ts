import "server-only"
import { createHmac } from "node:crypto"
import { headers } from "next/headers"
import { sdk } from "../medusa"

/**
 * Sign-in, sign-up and their limits. Every person's attempt reaches the backend from this server, so the backend's
 * per-address limit would count all buyers and producers as one address; the person's own address is passed on,
 * signed with the secret the backend shares (backend/src/api/security/client-address.ts checks it), because the
 * backend believes no unsigned forwarding header.
 *
 * The address is the LAST X-Forwarded-For entry: the one the proxy in front of the shop appended (Next.js fills the
 * header from the socket only when none came in). Earlier entries are whatever the browser claimed. So the shop
 * must run behind one proxy that appends the header (nginx `$proxy_add_x_forwarded_for`, most load balancers).
 */
export async function signedClientAddress(): Promise<Record<string, string>> {
  const secret = process.env.OCOP_FORWARDING_SECRET
  const incoming = await headers()
  const address = incoming.get("x-forwarded-for")?.split(",").pop()?.trim() || incoming.get("x-real-ip")?.trim()
  if (!secret || !address) return {}
  const seconds = Math.floor(Date.now() / 1000)
  const mac = createHmac("sha256", secret).update(`${seconds}.${address}`).digest("hex")
  return { "x-ocop-client-ip": address, "x-ocop-client-signature": `${seconds}.${mac}` }
}

/**
 * Email-and-password sign-in (`login`) or registration (`register`) of a buyer, producer or curator; answers the token.
 * A 429 from the backend's limit reaches the caller as an error with `status`.
 */
export async function authenticateWithPassword(actor: "customer" | "producer" | "curator", step: "login" | "register", email: string, password: string) {
  const { token } = await sdk.client.fetch<{ token?: string }>(`/auth/${actor}/emailpass${step === "register" ? "/register" : ""}`, {
    method: "POST",
    body: { email, password },
    headers: await signedClientAddress(),
  })
  if (!token) throw new Error("This sign-in asks for a step the shop does not offer")
  return token
}

/** Whether a failed sign-in was the backend's attempt limit rather than a wrong password. */
export function isTooManyAttempts(error: unknown) {
  return (error as { status?: number }).status === 429
}
