import { z } from "zod"

/** An amount in the currency's smallest unit (VND has none below the đồng). */
export const money = z.object({ amount: z.number(), currency_code: z.string() })
/** A province or commune of the 2025 map: its code and name. */
export const place = z.object({ code: z.string(), name: z.string() })
/** A calendar date as the API writes it (YYYY-MM-DD, Vietnam's day). */
export const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** A page of a list route: the rows' key varies, the paging does not. */
export const paging = { count: z.number(), offset: z.number(), limit: z.number() }

export type Money = z.infer<typeof money>
export type Place = z.infer<typeof place>

/**
 * What a backend presenter may return for a wire type T: a Date where the wire has a string (JSON writes it as
 * ISO 8601), so presenters `satisfies Presented<T>` without converting dates by hand.
 */
export type Presented<T> = T extends string
  ? T | Date
  : T extends readonly unknown[]
    ? { [K in keyof T]: Presented<T[K]> }
    : T extends object
      ? { [K in keyof T]: Presented<T[K]> }
      : T
