const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 })

/** 300000 → "300.000 ₫" in both locales: the shop sells in đồng, written the Vietnamese way. */
export function formatVnd(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? "—" : vnd.format(Math.round(amount))
}

/** "2027-06-30" → "30/06/2027" (vi) or "30 Jun 2027" (en); dates are calendar days in Việt Nam. */
export function formatDate(isoDay: string | null | undefined, locale: string): string {
  if (!isoDay) return "—"
  const [y, m, d] = isoDay.slice(0, 10).split("-").map(Number)
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    day: "2-digit",
    month: locale === "vi" ? "2-digit" : "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)))
}

/**
 * An instant ("2026-11-27T17:00:00.000Z") → its calendar day in Việt Nam (UTC+7, no daylight saving): "2026-11-28".
 * A featured list's start and end are instants; the console shows and edits them as Vietnamese days.
 */
export function vietnamDay(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

/** A moment ("2026-11-28T04:05:00Z") as Việt Nam's clock shows it: "28/11/2026, 11:05" (vi), "28 Nov 2026, 11:05" (en). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return "—"
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    day: "2-digit",
    month: locale === "vi" ? "2-digit" : "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(iso))
}

/** A moment's clock time in Việt Nam, 24-hour: "2026-11-28T04:05:00Z" → "11:05" (both locales). */
export function formatVietnamTime(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" }).format(
    new Date(iso)
  )
}
