/**
 * Whether a lot looks like its labels were copied: scanned more than `factor` × the units made, or reported from
 * `provinces` or more provinces on one day. Both limits come from config (OCOP_LOT_SCAN_FACTOR, OCOP_LOT_FLAG_PROVINCES).
 */
export function flagLot(
  lot: { scan_count: number; quantity: number; max_provinces_per_day: number },
  limits: { scanFactor: number; flagProvinces: number }
): string[] {
  const reasons: string[] = []
  if (lot.scan_count > limits.scanFactor * lot.quantity) reasons.push("scans_exceed_quantity")
  if (lot.max_provinces_per_day >= limits.flagProvinces) reasons.push("many_provinces_in_a_day")
  return reasons
}
