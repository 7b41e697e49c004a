import { createHmac, timingSafeEqual } from "node:crypto"
import type { IncomingMessage } from "node:http"
import ipaddr from "ipaddr.js"
import proxyaddr from "proxy-addr"
import { readConfig } from "../../lib/config"

/**
 * Who is asking, for the sign-in limit. Express's `req.ip` is not used: Medusa sets `trust proxy 1`, so anyone can
 * pick their own address with `X-Forwarded-For`. Here a forwarded address counts only when
 * - the request came from a proxy listed in TRUSTED_PROXIES (comma-separated addresses or CIDRs; none by default), or
 * - the shop's server signed it: `x-ocop-client-ip: <address>` with `x-ocop-client-signature: <unix seconds>.<hex>`,
 *   an HMAC-SHA256 of `<unix seconds>.<address>` under OCOP_FORWARDING_SECRET (storefront/src/lib/client-address.ts
 *   signs). The timestamp bounds how long an overheard signature can be replayed.
 */
export const CLIENT_ADDRESS_HEADER = "x-ocop-client-ip"
export const CLIENT_SIGNATURE_HEADER = "x-ocop-client-signature"
const MAX_CLOCK_SKEW_SECONDS = 300

let trustProxy: ((address: string, hop: number) => boolean) | undefined
// Compiled on first use (a test sets its proxies before its first request); an empty list trusts no hop at all:
// the socket's address is the client's.
function trustConfiguredProxies() {
  trustProxy ??= proxyaddr.compile(readConfig().trustedProxies)
  return trustProxy
}

/** The signature the shop sends with an address; exported for the tests, which play the shop. */
export function signClientAddress(address: string, secret: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${address}`).digest("hex")
  return `${unixSeconds}.${mac}`
}

function readSignedAddress(req: IncomingMessage): string | undefined {
  const secret = readConfig().forwardingSecret
  const address = req.headers[CLIENT_ADDRESS_HEADER]
  const signature = req.headers[CLIENT_SIGNATURE_HEADER]
  if (!secret || typeof address !== "string" || typeof signature !== "string" || !ipaddr.isValid(address)) return undefined
  const [seconds] = signature.split(".")
  const unixSeconds = Number(seconds)
  if (!Number.isInteger(unixSeconds) || Math.abs(Date.now() / 1000 - unixSeconds) > MAX_CLOCK_SKEW_SECONDS) return undefined
  const expected = Buffer.from(signClientAddress(address, secret, unixSeconds))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined
}

/**
 * The bucket one person's requests share: an IPv4 address, or the /64 of an IPv6 address (one household or host
 * usually owns a whole /64 and can rotate through it at will). IPv4-mapped IPv6 counts as the IPv4 address.
 */
export function bucketClientAddress(address: string): string {
  if (!ipaddr.isValid(address)) return "unknown"
  const parsed = ipaddr.process(address)
  if (parsed.kind() === "ipv4") return parsed.toString()
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4)
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`
}

/** The client's address bucket: signed by the shop, else as seen through the trusted proxies only. */
export function readClientAddress(req: IncomingMessage): string {
  return bucketClientAddress(readSignedAddress(req) ?? proxyaddr(req, trustConfiguredProxies()))
}
