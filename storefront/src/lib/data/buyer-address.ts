import "server-only"
import { isIP } from "node:net"
import { headers } from "next/headers"

/**
 * The buyer's IP address as the proxy in front of the shop saw it (the LAST X-Forwarded-For entry, see
 * sign-in.ts for why), for payment providers that want it (VNPay's vnp_IpAddr). Undefined when unknown.
 */
export async function buyerAddress(): Promise<string | undefined> {
  const incoming = await headers()
  const address = incoming.get("x-forwarded-for")?.split(",").pop()?.trim() || incoming.get("x-real-ip")?.trim()
  if (!address) return undefined
  const plain = address.replace(/^::ffff:/, "")
  return isIP(plain) ? plain : undefined
}
