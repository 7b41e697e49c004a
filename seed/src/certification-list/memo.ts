import { Province, resolveProvince } from "@ocop/domain/places"

/**
 * A bounded memo for pure lookups that a list repeats thousands of times (star notations, province and
 * district spellings, group names). Bounded so a long-running backend that parses many files keeps a flat
 * memory profile: past the limit the memo simply starts over.
 */
export function memoize<R>(compute: (key: string) => R, limit = 50_000): (key: string) => R {
  const cache = new Map<string, R>()
  return (key: string) => {
    const hit = cache.get(key)
    if (hit !== undefined || cache.has(key)) return hit as R
    if (cache.size >= limit) cache.clear()
    const value = compute(key)
    cache.set(key, value)
    return value
  }
}

/** resolveProvince, memoised: every row of a list names one of a handful of provinces. */
export const resolveProvinceCached: (text: string) => Province | null = memoize((text) => resolveProvince(text) ?? null)
