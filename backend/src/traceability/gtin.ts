/**
 * GTINs as GS1 Digital Link carries them: 8, 12, 13 or 14 digits with a valid check digit, compared in their 14-digit
 * form (left-padded with zeros), so an EAN-13 printed on the pack and a GTIN-14 in a URL name the same product.
 */
export function normaliseGtin(value: string | null | undefined): string | null {
  const digits = (value ?? "").trim()
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return null
  const padded = digits.padStart(14, "0")
  const body = padded.slice(0, 13)
  let sum = 0
  for (let i = 0; i < 13; i++) sum += Number(body[i]) * (i % 2 === 0 ? 3 : 1)
  const check = (10 - (sum % 10)) % 10
  return check === Number(padded[13]) ? padded : null
}

/** The product's GTIN: the first variant barcode, EAN or UPC that is a valid GTIN. */
export function pickProductGtin(variants: { barcode?: string | null; ean?: string | null; upc?: string | null }[] | null | undefined): string | null {
  for (const v of variants ?? []) {
    for (const code of [v.barcode, v.ean, v.upc]) {
      const gtin = normaliseGtin(code)
      if (gtin) return gtin
    }
  }
  return null
}

/** The path a lot's QR carries: GS1 Digital Link when the product has a GTIN, our short path otherwise. */
export function lotQrPath(lot: { code: string; public_code: string }, gtin: string | null): string {
  return gtin ? `/01/${gtin}/10/${encodeURIComponent(lot.code)}` : `/l/${lot.public_code}`
}

/**
 * The path a unit's serial QR carries: GS1 Digital Link with AI 21 (`/01/{GTIN}/10/{lot}/21/{serial}`) when the
 * product has a GTIN, else our short path next to the lot's (`/l/{public code}/{serial}`).
 */
export function serialQrPath(lot: { code: string; public_code: string }, gtin: string | null, serial: string): string {
  return `${lotQrPath(lot, gtin)}${gtin ? "/21" : ""}/${encodeURIComponent(serial)}`
}
