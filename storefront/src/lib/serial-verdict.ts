import { createHmac, timingSafeEqual } from "node:crypto"

export type SerialVerdict = {
  status: "first" | "repeat" | "unknown" | "voided" | "limited" | "failed"
  first_checked_at: string | null
  /** When and why the producer voided the serial (status "voided" only). */
  voided?: { at: string; reason: string }
}

/** How long after a check the province form may bring its verdict back: long enough to answer, too short to print. */
export const SERIAL_VERDICT_SECONDS = 15 * 60

const STATUSES = new Set<SerialVerdict["status"]>(["first", "repeat", "unknown", "voided", "limited", "failed"])

const mac = (secret: string, code: string, serial: string, payload: string) =>
  createHmac("sha256", secret).update(`serial-verdict.${code}.${serial}.${payload}`).digest("base64url")

/**
 * The serial page's verdict, signed so the province form can return to the serial page and show it again without
 * checking the serial a second time (a second check would turn "first" into "repeat"). Signed for this lot and serial
 * and for a short time: a URL with a verdict cannot be forged, nor copied onto a fake label for long.
 */
export function signSerialVerdict(secret: string, code: string, serial: string, verdict: SerialVerdict, now = Date.now()) {
  const payload = Buffer.from(
    JSON.stringify({
      s: verdict.status,
      t: verdict.first_checked_at,
      v: verdict.voided ? [verdict.voided.at, verdict.voided.reason] : undefined,
      e: Math.floor(now / 1000) + SERIAL_VERDICT_SECONDS,
    })
  ).toString("base64url")
  return `${payload}.${mac(secret, code, serial, payload)}`
}

/** The verdict a token carries for this lot and serial, or null when it is not ours, not for them, or too old. */
export function readSerialVerdict(secret: string, code: string, serial: string, token: string | undefined, now = Date.now()): SerialVerdict | null {
  const [payload, signature, extra] = (token ?? "").split(".")
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(secret, code, serial, payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const { s, t, v, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
    if (!STATUSES.has(s) || typeof e !== "number" || e * 1000 < now) return null
    const voided = Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string" ? { at: v[0], reason: v[1] } : undefined
    return { status: s, first_checked_at: typeof t === "string" ? t : null, ...(voided ? { voided } : {}) }
  } catch {
    return null
  }
}
