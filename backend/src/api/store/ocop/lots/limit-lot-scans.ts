import type { RateLimiterAbstract } from "rate-limiter-flexible"
import { readConfig } from "../../../../lib/config"
import { consumePoint, createLimiterFactory } from "../../../../lib/rate-limiters"

/** Scans one client address may send per minute, whatever lots they name; more answer 429. */
const SCANS_PER_MINUTE = 30

type Limiters = { perLot: RateLimiterAbstract; perMinute: RateLimiterAbstract; perLotProvince: RateLimiterAbstract; perSerial: RateLimiterAbstract }
let limiters: Limiters | undefined

// As the sign-in limit: Redis shares the counts between backend instances, one process alone counts in memory.
function getLimiters(): Limiters {
  if (limiters) return limiters
  const { redisUrl, lots } = readConfig()
  const create = createLimiterFactory(redisUrl)
  limiters = {
    perLot: create("ocop-lot-scan", 1, lots.scanWindowSeconds),
    perMinute: create("ocop-lot-scan-minute", SCANS_PER_MINUTE, 60),
    perLotProvince: create("ocop-lot-scan-province", 1, lots.scanWindowSeconds),
    perSerial: create("ocop-lot-serial-check", 1, lots.scanWindowSeconds),
  }
  return limiters
}

/**
 * Whether this scan counts: "too_many" when the address sends more than 30 scans a minute (answered 429), "repeat"
 * when it already counted this lot within OCOP_LOT_SCAN_WINDOW_SECONDS (answered, not counted), else "count". A
 * script from one address can therefore neither inflate a lot's count nor drown the signal from others.
 */
export async function admitLotScan(address: string, lotId: string): Promise<"count" | "repeat" | "too_many"> {
  const { perLot, perMinute } = getLimiters()
  if (await consumePoint(perMinute, address)) return "too_many"
  return (await consumePoint(perLot, `${address}:${lotId}`)) ? "repeat" : "count"
}

/**
 * Whether a repeat scan may still name its province: once per address and lot within OCOP_LOT_SCAN_WINDOW_SECONDS, so
 * one person cannot move every unnamed scan of the day into provinces of their choosing.
 */
export async function admitProvinceNaming(address: string, lotId: string): Promise<boolean> {
  return !(await consumePoint(getLimiters().perLotProvince, `${address}:${lotId}`))
}

/**
 * A serial's scan page view, with the same limits as a lot's: "too_many" past 30 scans a minute from the address;
 * otherwise whether it counts as a scan of the lot (once per address and lot per window) and as another check of the
 * serial (once per address and serial per window, so one person reloading does not look like a copied label). The
 * serial's first check is recorded whatever these say.
 */
export async function admitSerialCheck(
  address: string,
  lotId: string,
  serial: string
): Promise<"too_many" | { countLot: boolean; countSerial: boolean }> {
  const { perLot, perMinute, perSerial } = getLimiters()
  if (await consumePoint(perMinute, address)) return "too_many"
  const countLot = !(await consumePoint(perLot, `${address}:${lotId}`))
  const countSerial = !(await consumePoint(perSerial, `${address}:${serial}`))
  return { countLot, countSerial }
}
