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

export { todayInVietnam } from "@ocop/domain"
