import { createHmac, timingSafeEqual } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readConfig } from "../../../lib/config"

export const TIMESTAMP_HEADER = "x-ocop-timestamp"
export const SIGNATURE_HEADER = "x-ocop-signature"
/** A signed request older (or newer) than this is refused: a captured one cannot be sent again days later. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>`, the way the bank-transaction service signs (and the tests do). */
export function signBankWebhook(secret: string, timestamp: string, rawBody: string | Buffer) {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
}

/**
 * Refuses, with 401 and before anything is read or written, a bank webhook whose signature is not the shop's
 * secret over this exact body and timestamp, or whose timestamp is stale. Runs before body validation, so an
 * unsigned caller learns nothing about the expected fields.
 */
export function verifyBankWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const settings = readConfig().vietqr
  if (!settings) {
    res.status(404).json({ message: "VietQR chưa được cấu hình / VietQR is not configured" })
    return
  }
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const refuse = (reason: string) => {
    logger.warn(`Bank webhook refused: ${reason}`)
    res.status(401).json({ message: reason })
  }
  const timestamp = String(req.headers[TIMESTAMP_HEADER] ?? "")
  const signature = String(req.headers[SIGNATURE_HEADER] ?? "")
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!/^\d{9,11}$/.test(timestamp)) return refuse(`${TIMESTAMP_HEADER}: thiếu hoặc sai / missing or malformed`)
  if (!/^[0-9a-f]{64}$/i.test(signature) || !raw) return refuse(`${SIGNATURE_HEADER}: thiếu hoặc sai / missing or malformed`)
  const expected = Buffer.from(signBankWebhook(settings.webhookSecret, timestamp, raw), "hex")
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return refuse(`${SIGNATURE_HEADER}: chữ ký không khớp / signature mismatch`)
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    return refuse(`${TIMESTAMP_HEADER}: quá hạn / stale (more than ${TIMESTAMP_TOLERANCE_SECONDS} s off)`)
  }
  next()
}
