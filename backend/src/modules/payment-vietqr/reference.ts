import { BanksObject, QRPay } from "vietnam-qr-pay"

/** Medusa's id of the VietQR provider (`pp_<identifier>_<id>`). */
export const VIETQR_PROVIDER_ID = "pp_vietqr_vietqr"

const REFERENCE_PREFIX = "OCOP"

/**
 * The transfer note that ties a bank transaction to its payment session: "OCOP" and the last 10 characters of the
 * session's ULID (its random part, 50 bits). Letters and digits only, because banks strip or replace everything
 * else in a note, and short enough for every banking app's note field.
 */
export function referenceOfSession(sessionId: string) {
  return `${REFERENCE_PREFIX}${sessionId.slice(-10).toUpperCase()}`
}

/**
 * Finds the reference in what the bank passed on. Banks prepend their own words ("MBVCB.1234.OCOP…CT tu …") and
 * some drop spaces, so the note is searched, not compared; Crockford base32 (the ULID alphabet) bounds the match.
 */
export function findReference(note: string): string | undefined {
  const match = note.toUpperCase().match(/OCOP([0-9A-HJKMNP-TV-Z]{10})/)
  return match ? `${REFERENCE_PREFIX}${match[1]}` : undefined
}

export type VietQrAccount = { bankBin: string; accountNumber: string; accountName: string }

/**
 * The EMVCo/NAPAS "dynamic" VietQR string (amount and note filled in, CRC appended by the library) that every
 * Vietnamese banking app scans. VND has no minor unit: the amount goes in as it is, never ×100.
 */
export function buildVietQr(account: VietQrAccount, amount: number, reference: string) {
  return QRPay.initVietQR({
    bankBin: account.bankBin,
    bankNumber: account.accountNumber,
    amount: String(Math.round(amount)),
    purpose: reference,
  }).build()
}

/** The bank's short name ("Vietcombank") as banking apps show it, from the library's NAPAS list. */
export function bankNameOf(bin: string): string | undefined {
  return Object.values(BanksObject).find((bank) => bank.bin === bin)?.shortName
}
