/**
 * Whether a lot looks like its labels were copied or forged: scanned more than `scanFactor` × the units made, reported
 * from `flagProvinces` or more provinces on one day, or `flagUnknownSerials` checks of serials the lot never issued or
 * voided (a serial only a forger would print). The limits come from config (OCOP_LOT_SCAN_FACTOR,
 * OCOP_LOT_FLAG_PROVINCES, OCOP_LOT_FLAG_UNKNOWN_SERIALS). A serial checked more than once is not a flag: a buyer
 * scanning again after the window makes it too.
 */
export function flagLot(
  lot: { scan_count: number; quantity: number; max_provinces_per_day: number; suspect_serial_checks: number },
  limits: { scanFactor: number; flagProvinces: number; flagUnknownSerials: number }
): string[] {
  const reasons: string[] = []
  if (lot.scan_count > limits.scanFactor * lot.quantity) reasons.push("scans_exceed_quantity")
  if (lot.max_provinces_per_day >= limits.flagProvinces) reasons.push("many_provinces_in_a_day")
  if (lot.suspect_serial_checks >= limits.flagUnknownSerials) reasons.push("unknown_serials_checked")
  return reasons
}
