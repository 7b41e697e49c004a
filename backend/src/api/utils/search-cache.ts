import { LRUCache } from "lru-cache"
import { onCatalogChange } from "../../lib/catalog-change-broadcast"
import { readConfig } from "../../lib/config"

/**
 * Buyers repeat the same searches (the home page's tiers, "mật ong", a province) far more often than the
 * catalogue changes, so answers are kept and dropped whenever the product index changes
 * (subscribers/clear-search-cache.ts). The index itself is updated a moment after the event, so an answer
 * computed in between may be stale: SEARCH_CACHE_TTL_MS (default 5 s) bounds that, and bounds what another
 * instance that missed the event serves. Concurrent requests for the same answer share one computation, so
 * a burst after a change costs one query, not twenty. OCOP_SEARCH_CACHE=off turns it off.
 */
const { enabled, ttlMs } = readConfig().searchCache

const cache = new LRUCache<string, Promise<object>>({ max: 5000, ttl: ttlMs })

export function cachedSearch<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
  if (!enabled) return compute()
  const pending = cache.get(key) as Promise<T> | undefined
  if (pending) return pending
  const promise = compute()
  cache.set(key, promise)
  // A failed search is not an answer: the next request tries again.
  promise.catch(() => cache.get(key) === promise && cache.delete(key))
  return promise
}

export function clearSearchCache() {
  cache.clear()
}

// Scaled out, the subscriber that clears this runs in the worker process only: it reaches this one over Redis.
onCatalogChange(clearSearchCache)
