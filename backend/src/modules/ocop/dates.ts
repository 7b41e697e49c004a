/**
 * Certificates carry calendar dates (a decision of 29/3/2023). They are stored as UTC midnight so the date
 * never shifts with the server's time zone, and shown as YYYY-MM-DD.
 */
export function fromDateOnly(value: string | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null
}

export function toDateOnly(value: Date | string | null | undefined): string | null {
  if (!value) return null
  return new Date(value).toISOString().slice(0, 10)
}

/** Today's date in Vietnam (UTC+7), which decides whether a certificate is still valid. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10)
}
